using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.CreateArticle;
using Blog.Features.ExportAccount;
using Blog.Features.Register;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.ExportAccount;

public sealed class ExportAccountTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();
    private UserResponse _alice = null!;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        var bob = (await _host.SendAsync(new RegisterRequest("bob", "bob@example.com", "correct horse battery staple"))).Value;
        _host.User.SignInAs(bob);
        await _host.SendAsync(new CreateArticleRequest("Bob's", "Not in Alice's export."));
        _alice = (await _host.SendAsync(new RegisterRequest("alice", "alice@example.com", "correct horse battery staple"))).Value;
        _host.User.SignInAs(_alice);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Holds_the_user_and_every_article_of_theirs_newest_first_named_by_username_and_date()
    {
        var written = new List<ArticleResponse>();
        for (var i = 1; i <= 3; i++)
        {
            written.Add((await _host.SendAsync(new CreateArticleRequest($"Title {i}", $"Content number {i}."))).Value);
        }

        var result = await _host.SendAsync(new ExportAccountRequest());

        result.Value.FileName.Should().Be($"blog-export-alice-{_host.Clock.GetUtcNow():yyyy-MM-dd}.json");
        result.Value.Export.User.Should().BeEquivalentTo(_alice);
        var articles = await result.Value.Export.Articles.ToListAsync();
        articles.Should().Equal(Enumerable.Reverse(written));
    }

    [Fact]
    public async Task A_user_without_articles_exports_an_empty_list()
    {
        var result = await _host.SendAsync(new ExportAccountRequest());

        (await result.Value.Export.Articles.ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task An_anonymous_caller_is_401()
    {
        _host.User.SignOut();

        (await _host.SendAsync(new ExportAccountRequest())).Error!.Kind.Should().Be(ErrorKind.Unauthorized);
    }
}
