using Blog.Features.Common.Articles;

namespace Blog.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    public static TheoryData<XssPayload> Payloads() => [.. SafeHtml.Corpus];

    [Fact]
    public void The_corpus_holds_at_least_a_hundred_named_payloads()
    {
        SafeHtml.Corpus.Should().HaveCountGreaterThanOrEqualTo(100);
        SafeHtml.Corpus.Select(payload => payload.Name).Should().OnlyHaveUniqueItems().And.NotContain(name => string.IsNullOrWhiteSpace(name));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void No_payload_of_the_corpus_renders_anything_that_can_run_script(XssPayload payload) =>
        SafeHtml.Violations(_renderer.Render(payload.Markdown)).Should().BeEmpty(payload.Markdown);

    [Theory]
    [InlineData("**bold** _em_ ~~gone~~ `code`", "<p><strong>bold</strong> <em>em</em> <del>gone</del> <code>code</code></p>\n")]
    [InlineData("# Title", "<h1>Title</h1>\n")]
    [InlineData("- [x] done\n- [ ] todo", "<ul>\n<li>☑ done</li>\n<li>☐ todo</li>\n</ul>\n")]
    [InlineData("```js\nlet a = 1 < 2;\n```", "<pre><code>let a = 1 &lt; 2;\n</code></pre>\n")]
    [InlineData("| a | b |\n|:-|-:|\n| 1 | 2 |", "<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">a</th>\n<th style=\"text-align: right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style=\"text-align: left\">1</td>\n<td style=\"text-align: right\">2</td>\n</tr>\n</tbody>\n</table>\n")]
    public void CommonMark_and_the_contract_s_extensions_render(string markdown, string html) =>
        _renderer.Render(markdown).Should().Be(html);

    [Theory]
    [InlineData("[site](https://blog.example/a?b=1&c=2)", "<p><a href=\"https://blog.example/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">site</a></p>\n")]
    [InlineData("<http://blog.example>", "<p><a href=\"http://blog.example\" rel=\"nofollow noopener noreferrer\">http://blog.example</a></p>\n")]
    [InlineData("see https://blog.example now", "<p>see <a href=\"https://blog.example\" rel=\"nofollow noopener noreferrer\">https://blog.example</a> now</p>\n")]
    [InlineData("[mail](mailto:a@blog.example)", "<p><a href=\"mailto:a@blog.example\" rel=\"nofollow noopener noreferrer\">mail</a></p>\n")]
    public void Links_keep_http_https_and_mailto_and_all_get_rel(string markdown, string html) =>
        _renderer.Render(markdown).Should().Be(html);

    [Theory]
    [InlineData("[rel](/relative)")]
    [InlineData("[js](javascript:alert(1))")]
    [InlineData("[ftp](ftp://blog.example/x)")]
    public void Other_links_lose_their_target_but_keep_their_text(string markdown) =>
        _renderer.Render(markdown).Should().Be("<p><a rel=\"nofollow noopener noreferrer\">" + markdown[1..markdown.IndexOf(']')] + "</a></p>\n");

    [Fact]
    public void Only_https_images_keep_their_source()
    {
        _renderer.Render("![a](https://blog.example/a.png)").Should().Be("<p><img src=\"https://blog.example/a.png\" alt=\"a\"></p>\n");
        _renderer.Render("![a](http://blog.example/a.png)").Should().Be("<p><img alt=\"a\"></p>\n");
    }

    [Fact]
    public void Raw_HTML_is_shown_as_text() =>
        _renderer.Render("<b>bold</b> <script>alert(1)</script>").Should().Be("<p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");

    [Fact]
    public void The_version_names_both_libraries_and_the_policy() =>
        _renderer.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+\+\d+\.\d+\.\d+\+policy\d+$");
}
