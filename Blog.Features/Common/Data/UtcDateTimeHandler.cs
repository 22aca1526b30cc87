using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Blog.Features.Common.Data;

/// <summary>
/// Timestamps are UTC on every engine, and read back as <see cref="DateTimeKind.Utc"/> so that the API answers
/// <c>...Z</c>. SQLite has no timestamp type: there they are fixed-width ISO-8601 text (sortable as text).
/// PostgreSQL's <c>timestamptz</c> takes and gives UTC <see cref="DateTime"/> values as they are. Dapper's handlers are
/// process-wide, so this one serves both engines.
/// </summary>
public sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static int _registered;

    /// <summary>
    /// Dapper's own DateTime mapping takes precedence over handlers for parameters until it is removed. Once per
    /// process: registering again while another host queries would open a moment without the handler.
    /// </summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        SqlMapper.RemoveTypeMap(typeof(DateTime));
        SqlMapper.RemoveTypeMap(typeof(DateTime?));
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
    }

    public override void SetValue(IDbDataParameter parameter, DateTime value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToText(value);
        }
        else
        {
            parameter.Value = value.ToUniversalTime();
        }
    }

    /// <summary>SQLite's stored form of a timestamp, for commands that bind their parameters without Dapper.</summary>
    public static string ToText(DateTime value) => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public override DateTime Parse(object value) => value switch
    {
        DateTime timestamp => DateTime.SpecifyKind(timestamp, DateTimeKind.Utc),
        _ => DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
    };
}
