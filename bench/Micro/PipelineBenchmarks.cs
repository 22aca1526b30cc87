using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Blog.Features;
using Blog.Features.Common.Articles;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Blog.Features.CreateArticle;
using Blog.Features.GetArticle;
using Blog.Features.ListArticles;
using Dapper;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Bench.Micro;

/// <summary>
/// What the mediator pipeline costs per request, as Blog.Features' AddBlogFeatures() wires it (scoped mediator,
/// AuthorizationBehavior then ValidationBehavior). Each HTTP request has its own DI scope, so the per-request
/// variants create one, as ASP.NET Core does.
///
/// - Trivial*: the behaviours around an in-memory handler that returns a ready result (pure pipeline overhead),
///   for a request without validators (GetArticle), with a cheap one (ListArticles) and with string rules
///   (CreateArticle); each against the same handler called directly.
/// - OpenPooled*: opening a pooled connection bare, through Blog's SqliteConnectionFactory (pragmas once per native
///   connection, since a7057f7), and with the pragmas on every open (before).
/// - Sqlite*: GetArticle and ListArticles (20 rows) against a small SQLite file, through ISender.Send vs the
///   resolved handler called directly.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PipelineBenchmarks
{
    private static readonly Result<ArticleResponse> ReadyArticle =
        new ArticleResponse(1, "Title", "Some content.", "<p>Some content.</p>", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), null, new AuthorResponse(1, "bench1"), 1);

    private static readonly Result<ArticlePage> ReadyPage = new ArticlePage([ReadyArticle.Value], null);

    private readonly GetArticleRequest _get = new(42);
    private readonly ListArticlesRequest _list = new("20", null);
    private readonly CreateArticleRequest _create = new("A title", "Some content that passes validation.");

    private ServiceProvider _services = null!;
    private IDbConnectionFactory _factory = null!;
    private PragmasOnEveryOpen _everyOpen = null!;
    private string _plainConnectionString = null!;
    private string _directory = null!;
    private IServiceScope _handlerScope = null!;
    private IQueryHandler<GetArticleRequest, Result<ArticleResponse>> _getHandler = null!;
    private IQueryHandler<ListArticlesRequest, Result<ArticlePage>> _listHandler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("blog-micro-").FullName;
        var database = Path.Combine(_directory, "micro.db");

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBlogFeatures(DatabaseProvider.Sqlite, $"Data Source={database}", _directory);
        services.AddScoped<ICurrentUser, SignedInAuthor>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        TestDatabase.Seed(database, articles: 100);
        _factory = _services.GetRequiredService<IDbConnectionFactory>();
        _everyOpen = new PragmasOnEveryOpen(database);
        _plainConnectionString = new SqliteConnectionStringBuilder { DataSource = database, Pooling = true, ForeignKeys = true }.ToString();

        _handlerScope = _services.CreateScope();
        _getHandler = _handlerScope.ServiceProvider.GetRequiredService<IQueryHandler<GetArticleRequest, Result<ArticleResponse>>>();
        _listHandler = _handlerScope.ServiceProvider.GetRequiredService<IQueryHandler<ListArticlesRequest, Result<ArticlePage>>>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handlerScope.Dispose();
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    // ------------------------------------------------------------------ the pipeline around an in-memory handler

    [Benchmark(Baseline = true), BenchmarkCategory("Trivial GetArticle (no validator)")]
    public ValueTask<Result<ArticleResponse>> TrivialGet_Direct() => ReadyGet(_get, default);

    [Benchmark, BenchmarkCategory("Trivial GetArticle (no validator)")]
    public async ValueTask<Result<ArticleResponse>> TrivialGet_Behaviours()
    {
        using var scope = _services.CreateScope();
        return await Pipeline<GetArticleRequest, Result<ArticleResponse>>(scope, ReadyGet)(_get, default);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Trivial ListArticles (1 validator)")]
    public ValueTask<Result<ArticlePage>> TrivialList_Direct() => ReadyList(_list, default);

    [Benchmark, BenchmarkCategory("Trivial ListArticles (1 validator)")]
    public async ValueTask<Result<ArticlePage>> TrivialList_Behaviours()
    {
        using var scope = _services.CreateScope();
        return await Pipeline<ListArticlesRequest, Result<ArticlePage>>(scope, ReadyList)(_list, default);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Trivial CreateArticle (1 validator)")]
    public ValueTask<Result<ArticleResponse>> TrivialCreate_Direct() => ReadyCreate(_create, default);

    [Benchmark, BenchmarkCategory("Trivial CreateArticle (1 validator)")]
    public async ValueTask<Result<ArticleResponse>> TrivialCreate_Behaviours()
    {
        using var scope = _services.CreateScope();
        return await Pipeline<CreateArticleRequest, Result<ArticleResponse>>(scope, ReadyCreate)(_create, default);
    }

    // ------------------------------------------------------------------ real handlers on a small SQLite file

    [Benchmark(Baseline = true), BenchmarkCategory("SQLite GetArticle")]
    public ValueTask<Result<ArticleResponse>> SqliteGet_HandlerDirect() => _getHandler.Handle(_get, default);

    [Benchmark, BenchmarkCategory("SQLite GetArticle")]
    public async ValueTask<Result<ArticleResponse>> SqliteGet_HandlerNewScope()
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IQueryHandler<GetArticleRequest, Result<ArticleResponse>>>().Handle(_get, default);
    }

    [Benchmark, BenchmarkCategory("SQLite GetArticle")]
    public async ValueTask<Result<ArticleResponse>> SqliteGet_MediatorSend()
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_get);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("SQLite ListArticles (20 rows)")]
    public ValueTask<Result<ArticlePage>> SqliteList_HandlerDirect() => _listHandler.Handle(_list, default);

    [Benchmark, BenchmarkCategory("SQLite ListArticles (20 rows)")]
    public async ValueTask<Result<ArticlePage>> SqliteList_HandlerNewScope()
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IQueryHandler<ListArticlesRequest, Result<ArticlePage>>>().Handle(_list, default);
    }

    [Benchmark, BenchmarkCategory("SQLite ListArticles (20 rows)")]
    public async ValueTask<Result<ArticlePage>> SqliteList_MediatorSend()
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_list);
    }

    // ------------------------------------------------------------------ what opening a pooled connection costs

    [Benchmark(Baseline = true), BenchmarkCategory("SQLite open (pooled)")]
    public async Task OpenPooled_Plain()
    {
        await using var connection = new SqliteConnection(_plainConnectionString);
        await connection.OpenAsync();
    }

    [Benchmark, BenchmarkCategory("SQLite open (pooled)")]
    public async Task OpenPooled_PragmasOncePerNativeConnection()
    {
        await using var connection = await _factory.OpenAsync(default);
    }

    [Benchmark, BenchmarkCategory("SQLite open (pooled)")]
    public async Task OpenPooled_PragmasOnEveryOpen()
    {
        await using var connection = await _everyOpen.OpenAsync(default);
    }

    private static ValueTask<Result<ArticleResponse>> ReadyGet(GetArticleRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(ReadyArticle);

    private static ValueTask<Result<ArticlePage>> ReadyList(ListArticlesRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(ReadyPage);

    private static ValueTask<Result<ArticleResponse>> ReadyCreate(CreateArticleRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(ReadyArticle);

    // The chain Mediator's generated QueryHandlerWrapper/CommandHandlerWrapper builds: behaviours resolved from the
    // request's scope, wrapped innermost-last around the handler delegate.
    private static MessageHandlerDelegate<TRequest, TResponse> Pipeline<TRequest, TResponse>(IServiceScope scope, MessageHandlerDelegate<TRequest, TResponse> handler)
        where TRequest : notnull, IMessage
    {
        var behaviours = scope.ServiceProvider.GetServices<IPipelineBehavior<TRequest, TResponse>>().ToArray();
        for (var i = behaviours.Length - 1; i >= 0; i--)
        {
            var next = handler;
            var behaviour = behaviours[i];
            handler = (message, cancellationToken) => behaviour.Handle(message, next, cancellationToken);
        }

        return handler;
    }
}

internal sealed class SignedInAuthor : ICurrentUser
{
    public bool IsSignedIn => true;

    public long Id => 1;

    public string Username => "bench1";

    public string? SessionId => null;

    public bool IsInRole(string role) => role == Roles.Author;
}

/// <summary>Blog's SqliteConnectionFactory as it was before commit a7057f7: the pragmas on every open from the pool.</summary>
internal sealed class PragmasOnEveryOpen(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}

/// <summary>One author and their articles, in a database Blog's migrations made.</summary>
internal static class TestDatabase
{
    public static void Seed(string path, int articles)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        connection.Execute("""
            INSERT INTO users (id, username, username_normalized, email, email_normalized, password_hash, active, created_at)
            VALUES (1, 'bench1', 'BENCH1', 'bench1@example.com', 'BENCH1@EXAMPLE.COM', 'x', TRUE, '2026-01-01T00:00:00.0000000Z');
            INSERT INTO user_roles (user_id, role_id) SELECT 1, id FROM roles WHERE name = 'author';
            """);
        using var transaction = connection.BeginTransaction();
        for (var i = 1; i <= articles; i++)
        {
            connection.Execute(
                "INSERT INTO articles (id, author_id, title, content, content_html, created_at) VALUES (@Id, 1, @Title, @Content, @Html, @CreatedAt)",
                new { Id = i, Title = $"Article {i}", Content = new string('x', 400), Html = $"<p>{new string('x', 400)}</p>", CreatedAt = "2026-01-01T00:00:00.0000000Z" },
                transaction);
        }

        transaction.Commit();
    }
}
