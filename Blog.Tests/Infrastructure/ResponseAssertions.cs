using System.Net.Http.Json;
using System.Text.Json;

namespace Blog.Tests.Infrastructure;

public static class ResponseExtensions
{
    // The contract's problem types, spelled out as a client spells them (not taken from the server's table).
    private const string ProblemTypes = "https://blog.example/problems/";

    /// <summary>
    /// Reads an error answer, checking that it is problem JSON with the given status, a trace id and one of the
    /// contract's problem types: <paramref name="kind"/> when given (<c>not-found</c>, <c>csrf</c>, ...).
    /// </summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, int status, string? kind = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("type").GetString().Should().StartWith(ProblemTypes, body);
        if (kind is not null)
        {
            problem.GetProperty("type").GetString().Should().Be(ProblemTypes + kind, body);
        }

        body.Should().NotContainAny("Exception", "   at ");
        return problem;
    }

    public static Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();

    public static IEnumerable<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    public static string? SetCookie(this HttpResponseMessage response, string name) =>
        response.SetCookies().FirstOrDefault(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal));

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(message => message.GetString()!).ToArray();
}
