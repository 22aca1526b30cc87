namespace Blog.Features.Common.Data;

/// <summary>The engines Blog runs on (<c>Blog:Database:Provider</c>): SQLite, embedded, by default; PostgreSQL for several instances.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
