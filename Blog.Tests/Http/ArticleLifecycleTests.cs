using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Blog.Tests.Infrastructure;
using Blog.Tests.Markdown;

namespace Blog.Tests.Http;

/// <summary>API.md, "Articles, continued": edit with If-Match, delete, 304 and preview over HTTP.</summary>
public sealed class ArticleLifecycleTests : IAsyncLifetime
{
    private const string ValidContent = "Some *Markdown* content.";

    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Get_answers_the_version_as_a_strong_ETag_and_the_rendered_HTML()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client, "Hello **world**, at length.");

        using var response = await client.GetAsync($"/api/v1/articles/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.ToString().Should().Be("\"1\"");
        var article = await response.ReadJsonAsync();
        article.GetProperty("contentHtml").GetString().Should().Be("<p>Hello <strong>world</strong>, at length.</p>\n");
        article.GetProperty("updatedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"7\", \"1\"")]
    [InlineData("*")]
    public async Task If_None_Match_naming_the_version_is_304_without_a_body(string ifNoneMatch)
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        response.Headers.ETag!.ToString().Should().Be("\"1\"");
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task If_None_Match_naming_another_version_is_200()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/articles/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"2\"");
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Put_with_the_current_version_answers_200_with_the_new_ETag_and_keeps_createdAt()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);
        _api.Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await PutAsync(client, id, "\"1\"", "  New title ", "# Heading\n\nNew content.");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.ToString().Should().Be("\"2\"");
        var article = await response.ReadJsonAsync();
        article.GetProperty("title").GetString().Should().Be("New title");
        article.GetProperty("content").GetString().Should().Be("# Heading\n\nNew content.");
        article.GetProperty("contentHtml").GetString().Should().Be("<h1>Heading</h1>\n<p>New content.</p>\n");
        article.GetProperty("createdAt").GetString().Should().Be("2026-11-26T22:44:10Z");
        article.GetProperty("updatedAt").GetString().Should().Be("2026-11-26T22:49:10Z");

        using var read = await client.GetAsync($"/api/v1/articles/{id}");
        read.Headers.ETag!.ToString().Should().Be("\"2\"");
        (await read.ReadJsonAsync()).GetProperty("title").GetString().Should().Be("New title");
    }

    [Fact]
    public async Task Put_without_If_Match_is_428_and_changes_nothing()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        using var response = await PutAsync(client, id, null, "New title", ValidContent);

        await response.ReadProblemAsync(428, "precondition-required");
        (await _api.Database.ScalarAsync<string>("SELECT title FROM articles")).Should().Be("A title");
    }

    [Fact]
    public async Task Put_with_If_Match_star_is_428_an_edit_names_the_version_it_was_made_against()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        using var response = await PutAsync(client, id, "*", "New title", ValidContent);

        await response.ReadProblemAsync(428, "precondition-required");
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"abc\"")]
    [InlineData("not a tag")]
    [InlineData("\"1\", \"2\"")]
    public async Task Put_with_a_stale_or_unmatched_If_Match_is_412_with_the_current_ETag(string ifMatch)
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        using var response = await PutAsync(client, id, ifMatch, "New title", ValidContent);

        await response.ReadProblemAsync(412, "precondition-failed");
        response.Headers.ETag!.ToString().Should().Be("\"1\"");
        (await _api.Database.ScalarAsync<string>("SELECT title FROM articles")).Should().Be("A title");
    }

    [Fact]
    public async Task Put_validates_as_create_does()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        using var response = await PutAsync(client, id, "\"1\"", "   ", "short");

        var problem = await response.ReadProblemAsync(400, "validation");
        problem.FieldErrors("title").Should().Equal("Enter a title.");
        problem.FieldErrors("content").Should().Equal("The content must be 10 to 10000 characters.");
    }

    [Fact]
    public async Task Put_and_delete_of_another_user_s_or_a_missing_article_are_the_same_404_as_get()
    {
        using var bob = await AuthorAsync("bob");
        var bobs = await CreateAsync(bob);
        using var alice = await AuthorAsync("alice");

        using var get = await alice.GetAsync($"/api/v1/articles/{bobs}");
        using var put = await PutAsync(alice, bobs, "\"1\"", "Mine now", ValidContent);
        using var putMissing = await PutAsync(alice, bobs + 100, "\"1\"", "Mine now", ValidContent);
        using var delete = await DeleteAsync(alice, bobs, null);
        using var deleteWithVersion = await DeleteAsync(alice, bobs, "\"1\"");

        var expected = await get.ReadProblemAsync(404, "not-found");
        foreach (var response in new[] { put, putMissing, delete, deleteWithVersion })
        {
            var problem = await response.ReadProblemAsync(404, "not-found");
            problem.GetProperty("detail").GetString().Should().Be(expected.GetProperty("detail").GetString());
            response.Headers.ETag.Should().BeNull();
        }

        (await _api.Database.ScalarAsync<string>("SELECT title FROM articles")).Should().Be("A title");
    }

    [Fact]
    public async Task Twenty_concurrent_puts_with_one_If_Match_give_one_200_and_nineteen_412()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PutAsync(client, id, "\"1\"", $"Title {i}", ValidContent)));

        try
        {
            responses.Count(response => response.StatusCode == HttpStatusCode.OK).Should().Be(1);
            responses.Count(response => response.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(19);
            responses.Where(response => response.StatusCode == HttpStatusCode.PreconditionFailed)
                .Should().OnlyContain(response => response.Headers.ETag!.ToString() == "\"2\"");
            var winner = await responses.Single(response => response.StatusCode == HttpStatusCode.OK).ReadJsonAsync();
            (await _api.Database.ScalarAsync<string>("SELECT title FROM articles")).Should().Be(winner.GetProperty("title").GetString());
            (await _api.Database.ScalarAsync<long>("SELECT version FROM articles")).Should().Be(2);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Put_of_a_non_author_is_403_and_of_an_anonymous_caller_401()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);
        using var anonymous = _api.CreateApiClient();
        await anonymous.StartAsync();

        using var unauthorized = await PutAsync(anonymous, id, "\"1\"", "New title", ValidContent);
        await _api.Database.ExecuteAsync("DELETE FROM user_roles");
        (await client.PostJsonAsync("/api/v1/logout", new { })).Dispose();
        (await client.PostJsonAsync("/api/v1/login", new { usernameOrEmail = "alice", password = "correct horse battery staple" })).Dispose();
        using var forbidden = await PutAsync(client, id, "\"1\"", "New title", ValidContent);
        using var deleteForbidden = await DeleteAsync(client, id, null);

        await unauthorized.ReadProblemAsync(401, "unauthorized");
        await forbidden.ReadProblemAsync(403, "forbidden");
        await deleteForbidden.ReadProblemAsync(403, "forbidden");
        (await _api.Database.ScalarAsync<long>("SELECT version FROM articles")).Should().Be(1);
    }

    [Fact]
    public async Task Put_refuses_a_body_over_64_KiB_with_413_and_one_that_is_not_JSON_with_415()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);

        using var tooLarge = await PutRawAsync(client, id, $$"""{"title":"Big","content":"{{new string('a', 64 * 1024)}}"}""", "application/json");
        using var notJson = await PutRawAsync(client, id, "title=x", "application/x-www-form-urlencoded");

        await tooLarge.ReadProblemAsync(413, "too-large");
        await notJson.ReadProblemAsync(415, "unsupported-media-type");
    }

    [Fact]
    public async Task Delete_answers_204_and_the_article_is_404_everywhere_after()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);
        var kept = await CreateAsync(client);

        using var response = await DeleteAsync(client, id, null);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/api/v1/articles/{id}")).ReadProblemAsync(404, "not-found");
        await (await PutAsync(client, id, "\"1\"", "Back", ValidContent)).ReadProblemAsync(404, "not-found");
        await (await DeleteAsync(client, id, null)).ReadProblemAsync(404, "not-found");
        var list = await (await client.GetAsync("/api/v1/articles")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()).Should().Equal(kept);
    }

    [Fact]
    public async Task Delete_with_If_Match_deletes_only_the_version_it_names()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);
        (await PutAsync(client, id, "\"1\"", "Edited", ValidContent)).Dispose();

        using var stale = await DeleteAsync(client, id, "\"1\"");
        await stale.ReadProblemAsync(412, "precondition-failed");
        stale.Headers.ETag!.ToString().Should().Be("\"2\"");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(1);

        using var current = await DeleteAsync(client, id, "\"2\"");
        current.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Fact]
    public async Task Delete_of_an_anonymous_caller_is_401()
    {
        using var client = await AuthorAsync("alice");
        var id = await CreateAsync(client);
        using var anonymous = _api.CreateApiClient();
        await anonymous.StartAsync();

        await (await DeleteAsync(anonymous, id, null)).ReadProblemAsync(401, "unauthorized");
    }

    [Fact]
    public async Task Preview_answers_the_HTML_publishing_would_store_and_stores_nothing()
    {
        using var client = await AuthorAsync("alice");

        using var response = await client.PostJsonAsync("/api/v1/articles/preview", new { content = "A [link](https://blog.example) <b>x</b>" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("contentHtml").GetString().Should().Be(
            "<p>A <a href=\"https://blog.example\" rel=\"nofollow noopener noreferrer\">link</a> &lt;b&gt;x&lt;/b&gt;</p>\n");
        (await _api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM articles")).Should().Be(0);
    }

    [Fact]
    public async Task Preview_refuses_what_create_refuses_400_401_413_415()
    {
        using var client = await AuthorAsync("alice");
        using var anonymous = _api.CreateApiClient();
        await anonymous.StartAsync();

        using var invalid = await client.PostJsonAsync("/api/v1/articles/preview", new { content = "   " });
        using var unauthorized = await anonymous.PostJsonAsync("/api/v1/articles/preview", new { content = ValidContent });
        using var tooLarge = await client.PostAsync("/api/v1/articles/preview", $$"""{"content":"{{new string('a', 64 * 1024)}}"}""", "application/json");
        using var notJson = await client.PostAsync("/api/v1/articles/preview", "content", "text/plain");

        (await invalid.ReadProblemAsync(400, "validation")).FieldErrors("content").Should().Equal("Enter the content.");
        await unauthorized.ReadProblemAsync(401, "unauthorized");
        await tooLarge.ReadProblemAsync(413, "too-large");
        await notJson.ReadProblemAsync(415, "unsupported-media-type");
    }

    [Fact]
    public async Task No_payload_of_the_corpus_comes_back_from_the_API_able_to_run_script()
    {
        using var client = await AuthorAsync("alice");
        var violations = new List<string>();

        foreach (var payload in SafeHtml.Corpus)
        {
            var created = await client.CreateArticleAsync(title: payload.Name, content: Padded(payload.Markdown));
            using var preview = await client.PostJsonAsync("/api/v1/articles/preview", new { content = Padded(payload.Markdown) });
            using var read = await client.GetAsync($"/api/v1/articles/{created.GetProperty("id").GetInt64()}");

            var stored = (await read.ReadJsonAsync()).GetProperty("contentHtml").GetString()!;
            violations.AddRange(SafeHtml.Violations(stored).Select(violation => $"{payload.Name}: {violation}"));
            if ((await preview.ReadJsonAsync()).GetProperty("contentHtml").GetString() != stored)
            {
                violations.Add($"{payload.Name}: the preview differs from what was stored");
            }
        }

        violations.Should().BeEmpty();
    }

    // The shortest payloads are under the content's minimum length; a trailing paragraph changes nothing before it.
    private static string Padded(string markdown) => markdown + "\n\npadding.";

    private async Task<ApiClient> AuthorAsync(string username)
    {
        var client = _api.CreateApiClient();
        await client.RegisterAsync(username);
        return client;
    }

    private static async Task<long> CreateAsync(ApiClient client, string content = ValidContent) =>
        (await client.CreateArticleAsync(content: content)).GetProperty("id").GetInt64();

    private static Task<HttpResponseMessage> PutAsync(ApiClient client, long id, string? ifMatch, string title, string content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/articles/{id}") { Content = JsonContent.Create(new { title, content }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PutRawAsync(ApiClient client, long id, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/articles/{id}") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> DeleteAsync(ApiClient client, long id, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/articles/{id}");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
