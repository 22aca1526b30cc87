using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Blog.Tests.Infrastructure;

/// <summary>
/// An HTTP client of the in-process API that behaves like the Angular app in a browser: it keeps cookies, and on
/// unsafe requests sends the <c>XSRF-TOKEN</c> cookie's value as <c>X-XSRF-TOKEN</c> (unless told not to).
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(TestServer server, bool https)
        : this(server.CreateHandler(), new Uri(https ? "https://localhost/" : "http://localhost/"))
    {
    }

    /// <summary>A client of a real server; browsers that share <paramref name="cookies"/> are one browser talking to several instances.</summary>
    public ApiClient(HttpMessageHandler server, Uri baseAddress, CookieContainer? cookies = null)
    {
        BaseAddress = baseAddress;
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new BrowserHandler(this) { InnerHandler = server }) { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public CookieContainer Cookies { get; }

    public bool EchoXsrfToken { get; set; } = true;

    /// <summary>Raw text appended to every request's <c>Cookie</c> header, as an attacker who can set cookies for the host would plant it.</summary>
    public string? PlantedCookies { get; set; }

    public string? CookieValue(string name) => Cookies.GetCookies(BaseAddress)[name]?.Value;

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => _http.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PostAsync(string path, string body, string contentType) =>
        _http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType)));

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Fetches the XSRF token the way the client does at start-up.</summary>
    public async Task StartAsync() => (await GetAsync("/api/v1/users/current")).Dispose();

    public async Task<JsonElement> RegisterAsync(string username, string? email = null, string password = "correct horse battery staple")
    {
        if (CookieValue("XSRF-TOKEN") is null)
        {
            await StartAsync();
        }

        using var response = await PostJsonAsync("/api/v1/register", new { username, email = email ?? $"{username}@example.com", password });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> CreateArticleAsync(string title = "A title", string content = "Some content for the article.")
    {
        using var response = await PostJsonAsync("/api/v1/articles", new { title, content });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => _http.Dispose();

    private sealed class BrowserHandler(ApiClient client) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var cookieHeader = string.Join("; ", new[] { client.Cookies.GetCookieHeader(uri), client.PlantedCookies }.Where(part => !string.IsNullOrEmpty(part)));
            if (cookieHeader.Length > 0)
            {
                request.Headers.Add("Cookie", cookieHeader);
            }

            var safe = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options;
            if (!safe && client.EchoXsrfToken && client.CookieValue("XSRF-TOKEN") is { } token && !request.Headers.Contains("X-XSRF-TOKEN"))
            {
                request.Headers.Add("X-XSRF-TOKEN", token);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    client.Cookies.SetCookies(uri, setCookie);
                }
            }

            return response;
        }
    }
}
