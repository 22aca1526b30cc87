using System.Globalization;
using System.Text;
using Blog.Features.Common.Articles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

/// <summary>
/// What a seed writes, whatever the engine: users bench1..benchU (benchN@example.com, role author, one password), and
/// articles given round-robin to the first K of them, oldest first, one second apart, the newest a second ago, so that
/// ids and timestamps grow together as in the API.
/// </summary>
internal sealed class SeedPlan
{
    private readonly string _rareContent;
    private readonly string _contentHtml;
    private readonly string _rareContentHtml;

    private SeedPlan(long articles, int authors, int users, string password, string content)
    {
        Articles = articles;
        Authors = authors;
        Users = users;
        Password = password;
        Content = content;
        _rareContent = content + " " + RareWord + ".";
        // Rendered once each: the articles have two bodies, and a million renderings would be most of the seed's time.
        var renderer = new MarkdownRenderer();
        _contentHtml = renderer.Render(content);
        _rareContentHtml = renderer.Render(_rareContent);
        RendererVersion = renderer.Version;
        PasswordHash = new PasswordHasher<object>(HasherOptions()).HashPassword(new object(), password);
        var now = DateTime.UtcNow;
        Now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
    }

    public long Articles { get; }

    public int Authors { get; }

    public int Users { get; }

    public string Password { get; }

    public string PasswordHash { get; }

    /// <summary>The body of the articles, whose first word, "Lorem", every article holds: the search for a word in all of them.</summary>
    public string Content { get; }

    /// <summary>The renderer's version stored beside the HTML.</summary>
    public string RendererVersion { get; }

    public static string RendererName => MarkdownRenderer.Name;

    /// <summary>A word in one article of a hundred (<see cref="ContentOf"/>), and in no other text of the seed.</summary>
    public const string RareWord = "zephyr";

    /// <summary>The body of the article seeded i-th (from 0): <see cref="Content"/>, and every hundredth also <see cref="RareWord"/>.</summary>
    public string ContentOf(long i) => i % 100 == 0 ? _rareContent : Content;

    /// <summary>The HTML of <see cref="ContentOf"/>, as the API renders it.</summary>
    public string ContentHtmlOf(long i) => i % 100 == 0 ? _rareContentHtml : _contentHtml;

    /// <summary>Now, in UTC, to the whole second, as Blog stores timestamps.</summary>
    public DateTime Now { get; }

    public DateTime UsersCreatedAt => Now.AddYears(-1);

    public static SeedPlan From(Args options)
    {
        var articles = options.Long("articles", 0);
        var authors = (int)options.Long("authors", 1);
        var users = (int)options.Long("users", authors);
        if (articles < 0 || authors < 1 || users < authors)
        {
            throw new ArgumentException("need --articles >= 0 and 1 <= --authors <= --users");
        }

        return new SeedPlan(articles, authors, users, options.String("password", "bench-password-1"), Text((int)options.Long("content-length", 400)));
    }

    // The same settings as Blog.Features' AddBlogFeatures: Identity v3, PBKDF2-HMAC-SHA512, 220,000 iterations.
    public static IOptions<PasswordHasherOptions> HasherOptions() =>
        Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = 220_000,
        });

    public static string UserName(long id) => string.Create(CultureInfo.InvariantCulture, $"bench{id}");

    public static string Email(long id) => string.Create(CultureInfo.InvariantCulture, $"bench{id}@example.com");

    public static string Title(long articleId) => string.Create(CultureInfo.InvariantCulture, $"Article {articleId}");

    /// <summary>The author of the article seeded i-th (from 0), when the users seeded start at <paramref name="firstUserId"/>.</summary>
    public long AuthorOf(long i, long firstUserId) => firstUserId + (i % Authors);

    /// <summary>The creation time of the article seeded i-th (from 0).</summary>
    public DateTime CreatedAt(long i) => Now.AddSeconds(i - Articles);

    public string Summary(string target, long firstUserId, long firstArticleId, TimeSpan usersTime, TimeSpan articlesTime, TimeSpan total) =>
        string.Create(CultureInfo.InvariantCulture,
            $"seeded {target}: {Users} users (ids {firstUserId}..{firstUserId + Users - 1}, password '{Password}') in {usersTime.TotalSeconds:F1} s, " +
            $"{Articles} articles over {Authors} authors (ids {firstArticleId}..{firstArticleId + Articles - 1}) in {articlesTime.TotalSeconds:F1} s; total {total.TotalSeconds:F1} s");

    private static string Text(int length)
    {
        const string Words = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ";
        var text = new StringBuilder(length + Words.Length);
        while (text.Length < length)
        {
            text.Append(Words);
        }

        return text.ToString(0, Math.Max(10, length)).TrimEnd();
    }
}
