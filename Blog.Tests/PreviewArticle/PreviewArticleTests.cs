using Blog.Features.Common.Pipeline;
using Blog.Features.PreviewArticle;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.PreviewArticle;

public sealed class PreviewArticleTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_signed_in_user_gets_the_rendered_HTML_and_nothing_is_stored()
    {
        _host.User.SignIn(await _host.Database.InsertUserAsync("alice", withAuthorRole: false), "alice");

        var result = await _host.SendAsync(new PreviewArticleRequest("- [x] done <script>"));

        result.Value.ContentHtml.Should().Be("<ul>\n<li>☑ done &lt;script&gt;</li>\n</ul>\n");
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Fact]
    public async Task Content_is_validated_as_when_publishing_and_anonymous_is_unauthorized()
    {
        var anonymous = await _host.SendAsync(new PreviewArticleRequest("Long enough content."));
        _host.User.SignIn(await _host.Database.InsertUserAsync("alice"), "alice", "author");
        var invalid = await _host.SendAsync(new PreviewArticleRequest(new string('a', 10_001)));

        anonymous.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        invalid.Error!.Errors!["content"].Should().Equal("The content must be 10 to 10000 characters.");
    }
}
