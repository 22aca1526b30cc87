using System.Net;
using Blog.Tests.Infrastructure;

namespace Blog.Tests.Http;

public sealed class SmokeTests : IAsyncLifetime
{
    private readonly BlogApiFactory _api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Register_then_read_current_user()
    {
        using var client = _api.CreateApiClient();
        var user = await client.RegisterAsync("alice");
        using var response = await client.GetAsync("/api/v1/users/current");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("username").GetString().Should().Be("alice");
        user.GetProperty("roles")[0].GetString().Should().Be("author");
    }
}
