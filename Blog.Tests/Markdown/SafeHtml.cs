using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Markdown;

/// <summary>
/// What the contract lets reach the page, checked on the parsed HTML (as a browser builds it), not by searching the
/// text: every element, attribute, URL and style the renderer may answer, and nothing else.
/// </summary>
public static class SafeHtml
{
    private static readonly HashSet<string> Elements =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly HashSet<string> Attributes = ["href", "src", "alt", "title", "start", "rel", "style"];

    private static readonly HashSet<string> Styles = ["text-align: left", "text-align: center", "text-align: right"];

    /// <summary>The corpus of payloads both these tests and the browser test render (Blog.Tests/Markdown/xss-corpus.json).</summary>
    public static IReadOnlyList<XssPayload> Corpus { get; } =
        JsonSerializer.Deserialize<XssPayload[]>(File.ReadAllText(Repository.PathOf("Blog.Tests", "Markdown", "xss-corpus.json")), JsonSerializerOptions.Web)!;

    /// <summary>Every way <paramref name="html"/> breaks the allow-list; empty when it keeps it.</summary>
    public static IReadOnlyList<string> Violations(string html)
    {
        var fragment = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>").Body!;
        var violations = new List<string>();
        foreach (var element in fragment.Descendants<IElement>())
        {
            var name = element.LocalName;
            if (!Elements.Contains(name) || element.NamespaceUri != "http://www.w3.org/1999/xhtml")
            {
                violations.Add($"element <{element.NodeName}>");
            }

            foreach (var attribute in element.Attributes)
            {
                if (!Attributes.Contains(attribute.Name))
                {
                    violations.Add($"attribute {attribute.Name} on <{name}>");
                }
            }

            if (element.GetAttribute("href") is { } href && !IsAbsolute(href, "http", "https", "mailto"))
            {
                violations.Add($"href {href}");
            }

            if (element.GetAttribute("src") is { } src && !IsAbsolute(src, "https"))
            {
                violations.Add($"src {src}");
            }

            if (element.GetAttribute("style") is { } style && !Styles.Contains(style.Trim().TrimEnd(';')))
            {
                violations.Add($"style {style}");
            }

            if (name == "a" && element.GetAttribute("rel") != "nofollow noopener noreferrer")
            {
                violations.Add($"a without rel: {element.OuterHtml}");
            }
        }

        return violations;
    }

    private static bool IsAbsolute(string url, params string[] schemes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme);
}

public sealed record XssPayload(string Name, string Markdown)
{
    public override string ToString() => Name;
}
