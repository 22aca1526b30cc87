using Blog.Features.Common.Articles;
using Blog.Features.Common.Pipeline;
using Blog.Features.CreateArticle;
using Blog.Features.GetArticle;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.GetArticle;

public sealed class GetArticleTests : IAsyncLifetime
{
    private readonly FeatureHost _host = new();
    private long _aliceId;
    private long _bobId;

    public async ValueTask InitializeAsync()
    {
        await _host.InitializeAsync();
        _aliceId = await _host.Database.InsertUserAsync("alice");
        _bobId = await _host.Database.InsertUserAsync("bob");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized()
    {
        var result = await _host.SendAsync(new GetArticleRequest(1));

        result.Error.Should().Be(new Error(ErrorKind.Unauthorized, "Sign in to continue."));
    }

    [Fact]
    public async Task The_author_gets_their_own_article()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var created = (await _host.SendAsync(new CreateArticleRequest("  A title ", "<p>Content</p> & more"))).Value;

        var result = await _host.SendAsync(new GetArticleRequest(created.Id));

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().BeEquivalentTo(new ArticleResponse(
            created.Id, "A title", "<p>Content</p> & more", "<p>&lt;p&gt;Content&lt;/p&gt; &amp; more</p>\n",
            new DateTime(2026, 11, 26, 22, 44, 10, DateTimeKind.Utc), null, new AuthorResponse(_aliceId, "alice"), 1));
        result.Value.CreatedAt.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public async Task Another_users_article_and_a_missing_id_give_the_same_404()
    {
        _host.User.SignIn(_bobId, "bob", "author");
        var bobs = (await _host.SendAsync(new CreateArticleRequest("Bob's", "Bob's private content."))).Value;
        _host.User.SignIn(_aliceId, "alice", "author");

        var others = await _host.SendAsync(new GetArticleRequest(bobs.Id));
        var missing = await _host.SendAsync(new GetArticleRequest(bobs.Id + 1000));

        others.IsSuccess.Should().BeFalse();
        others.Error!.Kind.Should().Be(ErrorKind.NotFound);
        missing.Error.Should().Be(others.Error);
        others.Error.Detail.Should().NotContain("Bob");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MaxValue)]
    public async Task Ids_that_cannot_exist_are_the_same_404_as_a_missing_one(long id)
    {
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new GetArticleRequest(id));
        var missing = await _host.SendAsync(new GetArticleRequest(1000));

        result.Error!.Kind.Should().Be(ErrorKind.NotFound);
        result.Error.Should().Be(missing.Error);
    }
}
