using Blog.Features.Common.Pipeline;
using Blog.Features.CreateArticle;
using Blog.Features.DeleteArticle;
using Blog.Features.GetArticle;
using Blog.Features.UpdateArticle;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.DeleteArticle;

public sealed class DeleteArticleTests : IAsyncLifetime
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

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    [InlineData("\"1\"")]
    public async Task The_author_deletes_their_article_and_it_is_gone(string? ifMatch)
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var created = (await _host.SendAsync(new CreateArticleRequest("Title", "Some content."))).Value;

        var result = await _host.SendAsync(new DeleteArticleRequest(created.Id, ifMatch));

        result.IsSuccess.Should().BeTrue();
        (await _host.SendAsync(new GetArticleRequest(created.Id))).Error!.Kind.Should().Be(ErrorKind.NotFound);
        (await _host.SendAsync(new DeleteArticleRequest(created.Id, ifMatch))).Error!.Kind.Should().Be(ErrorKind.NotFound);
    }

    [Fact]
    public async Task A_stale_If_Match_is_precondition_failed_and_deletes_nothing()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var created = (await _host.SendAsync(new CreateArticleRequest("Title", "Some content."))).Value;
        await _host.SendAsync(new UpdateArticleRequest(created.Id, "\"1\"", "Edited", "Some new content."));

        var result = await _host.SendAsync(new DeleteArticleRequest(created.Id, "\"1\""));

        result.Error.Should().BeEquivalentTo(new { Kind = ErrorKind.PreconditionFailed, CurrentVersion = 2L });
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(1);
    }

    [Fact]
    public async Task Another_user_s_article_is_not_found_and_kept()
    {
        _host.User.SignIn(_bobId, "bob", "author");
        var bobs = (await _host.SendAsync(new CreateArticleRequest("Bob's", "Bob's private content."))).Value;
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new DeleteArticleRequest(bobs.Id, null));

        result.Error.Should().Be(new Error(ErrorKind.NotFound, GetArticleHandler.NoSuchArticle));
        (await _host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(1);
    }

    [Fact]
    public async Task Anonymous_is_unauthorized_and_a_reader_forbidden()
    {
        var anonymous = await _host.SendAsync(new DeleteArticleRequest(1, null));
        _host.User.SignIn(_aliceId, "alice");
        var reader = await _host.SendAsync(new DeleteArticleRequest(1, null));

        anonymous.Error!.Kind.Should().Be(ErrorKind.Unauthorized);
        reader.Error!.Kind.Should().Be(ErrorKind.Forbidden);
    }
}
