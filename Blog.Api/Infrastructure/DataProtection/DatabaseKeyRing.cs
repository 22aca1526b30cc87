using System.Xml.Linq;
using Blog.Features.Common.Data;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Blog.Api.Infrastructure.DataProtection;

/// <summary>
/// The Data Protection key ring that encrypts the session and antiforgery cookies, kept in the database
/// (<c>data_protection_keys</c>) instead of a folder of the user's home: every instance on the database reads and
/// writes the same keys, so a cookie issued by one is readable by all. Keys are stored as Data Protection writes them
/// (not encrypted again): whoever can read the database can read them, as with the sessions themselves.
/// </summary>
public static class DatabaseKeyRing
{
    /// <summary>Every instance must name the application alike: the default name is the content root, which differs between folders.</summary>
    private const string ApplicationName = "Blog";

    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }

    /// <summary>
    /// Creates the first key before the server takes requests, under a database-wide lock: instances that start at
    /// the same moment on an empty database end up with one key, not one each.
    /// </summary>
    public static async Task EnsureKeyAsync(this WebApplication app)
    {
        var locks = app.Services.GetRequiredService<IDatabaseLocks>();
        await using var creating = await locks.AcquireAsync("data-protection-key", app.Lifetime.ApplicationStopping);
        var keys = app.Services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        var lifetime = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        // Data Protection rolls to a new key on its own two days before the current one expires.
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now + TimeSpan.FromDays(2)))
        {
            keys.CreateNewKey(now, now + lifetime);
        }
    }
}

/// <summary>
/// <see cref="IXmlRepository"/> is synchronous; Data Protection calls it at start-up and when its key ring is
/// refreshed (about once a day), never per request, so waiting on the database here blocks no request path.
/// </summary>
public sealed class DatabaseXmlRepository(IDbConnectionFactory database) : IXmlRepository
{
    private const string AllSql = "SELECT xml FROM data_protection_keys ORDER BY name";

    private const string StoreSql = "INSERT INTO data_protection_keys (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO NOTHING";

    public IReadOnlyCollection<XElement> GetAllElements() => GetAllElementsAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreElementAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<string>(AllSql)).Select(xml => XElement.Parse(xml)).ToList();
    }

    private async Task StoreElementAsync(XElement element, string friendlyName)
    {
        await using var connection = await database.OpenForWriteAsync(CancellationToken.None);
        await connection.ExecuteAsync(StoreSql, new { Name = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
