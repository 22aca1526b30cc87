using System.Reflection;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.EmphasisExtras;

namespace Blog.Features.Common.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML stored beside it: Markdig with raw HTML off (HTML in the source is shown
/// as text), then an allow-list sanitizer, so that even a Markdig bug or a new extension cannot let script through.
/// Built once per process; both halves are thread-safe once configured.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Stored with every row, so that rows rendered by another renderer can be found and rendered again.</summary>
    public const string Name = "markdig+htmlsanitizer";

    // Raise when the pipeline or the allow-list below changes: the version then differs from every stored row's,
    // and `articles rerender` renders them again.
    private const int PolicyRevision = 1;

    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input",
    ];

    // type/checked/disabled are a task list's checkbox, which becomes a character below; style carries a table
    // column's text-align, the one CSS property allowed.
    private static readonly string[] AllowedAttributes = ["href", "src", "alt", "title", "start", "type", "checked", "disabled", "style"];

    private const string LinkRel = "nofollow noopener noreferrer";

    private readonly MarkdownPipeline _markdown = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>([Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        });
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.FilterUrl += (_, url) => url.SanitizedUrl = Keep(url.Tag, url.SanitizedUrl) ? url.SanitizedUrl : null;
        _sanitizer.PostProcessNode += (_, processed) => Finish(processed.Node);
    }

    /// <summary>The version stored with each row: the two libraries' and this allow-list's.</summary>
    public string Version { get; } = string.Join('+', VersionOf(typeof(Markdown)), VersionOf(typeof(HtmlSanitizer)), $"policy{PolicyRevision}");

    public string Render(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _markdown));

    // Only absolute http, https and mailto URLs, and https alone for images: a relative URL would resolve against the
    // application's own origin, and an http image would leak the reader's address in clear text.
    private static bool Keep(IElement element, string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return element.LocalName == "img"
            ? uri.Scheme == Uri.UriSchemeHttps
            : uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto;
    }

    private static void Finish(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "a":
                element.SetAttribute("rel", LinkRel);
                break;
            // A task list's box as a character: no form control in an article, and nothing the page's sanitizer drops.
            case "input":
                element.Replace(element.Owner!.CreateTextNode(element.HasAttribute("checked") ? "☑" : "☐"));
                break;
        }
    }

    private static string VersionOf(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version!.ToString();
}
