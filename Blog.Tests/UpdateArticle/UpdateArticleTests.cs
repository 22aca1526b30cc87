using Blog.Features.Common.Pipeline;
using Blog.Features.CreateArticle;
using Blog.Features.GetArticle;
using Blog.Features.UpdateArticle;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.UpdateArticle;

public sealed class UpdateArticleTests : IAsyncLifetime
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
    public async Task The_author_edits_the_current_version_and_the_version_moves_on()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var created = (await _host.SendAsync(new CreateArticleRequest("Title", "Some ~~old~~ content."))).Value;
        _host.Clock.Advance(TimeSpan.FromHours(1));

        var result = await _host.SendAsync(new UpdateArticleRequest(created.Id, "\"1\"", " New ", "Some **new** content."));

        result.IsSuccess.Should().BeTrue();
        result.Value.Should().BeEquivalentTo(created with
        {
            Title = "New",
            Content = "Some **new** content.",
            ContentHtml = "<p>Some <strong>new</strong> content.</p>\n",
            UpdatedAt = created.CreatedAt.AddHours(1),
            Version = 2,
        });
        (await _host.SendAsync(new GetArticleRequest(created.Id))).Value.Should().BeEquivalentTo(result.Value);
    }

    [Fact]
    public async Task Without_If_Match_it_is_precondition_required()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var created = (await _host.SendAsync(new CreateArticleRequest("Title", "Some content."))).Value;

        var result = await _host.SendAsync(new UpdateArticleRequest(created.Id, null, "New", "Some new content."));

        result.Error!.Kind.Should().Be(ErrorKind.PreconditionRequired);
    }

    [Fact]
    public async Task A_stale_version_is_precondition_failed_naming_the_current_one()
    {
        _host.User.SignIn(_aliceId, "alice", "author");
        var created = (await _host.SendAsync(new CreateArticleRequest("Title", "Some content."))).Value;
        (await _host.SendAsync(new UpdateArticleRequest(created.Id, "\"1\"", "First", "Some new content."))).IsSuccess.Should().BeTrue();

        var result = await _host.SendAsync(new UpdateArticleRequest(created.Id, "\"1\"", "Second", "Some newer content."));

        result.Error.Should().BeEquivalentTo(new { Kind = ErrorKind.PreconditionFailed, CurrentVersion = 2L });
        (await _host.SendAsync(new GetArticleRequest(created.Id))).Value.Title.Should().Be("First");
    }

    [Fact]
    public async Task Another_user_s_article_is_not_found_and_unchanged()
    {
        _host.User.SignIn(_bobId, "bob", "author");
        var bobs = (await _host.SendAsync(new CreateArticleRequest("Bob's", "Bob's private content."))).Value;
        _host.User.SignIn(_aliceId, "alice", "author");

        var result = await _host.SendAsync(new UpdateArticleRequest(bobs.Id, "\"1\"", "Alice's", "Alice's content now."));

        result.Error.Should().Be(new Error(ErrorKind.NotFound, GetArticleHandler.NoSuchArticle));
        (await _host.Database.ScalarAsync<string>("SELECT title FROM articles")).Should().Be("Bob's");
    }

    [Fact]
    public async Task Without_the_author_role_it_is_forbidden_and_invalid_fields_are_reported()
    {
        _host.User.SignIn(_aliceId, "alice");
        var forbidden = await _host.SendAsync(new UpdateArticleRequest(1, "\"1\"", "Title", "Some content."));
        _host.User.SignIn(_aliceId, "alice", "author");
        var invalid = await _host.SendAsync(new UpdateArticleRequest(1, "\"1\"", "", "short"));

        forbidden.Error!.Kind.Should().Be(ErrorKind.Forbidden);
        invalid.Error!.Errors.Should().ContainKeys("title", "content");
    }
}
