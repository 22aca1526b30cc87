using System.Data;
using System.Globalization;
using Dapper;

namespace Blog.Features.Common.Data.Sqlite;

/// <summary>
/// Stores timestamps as fixed-width ISO-8601 UTC text (sortable as text) and reads them back as
/// <see cref="DateTimeKind.Utc"/>, so that the API answers <c>...Z</c>.
/// </summary>
public sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Dapper's own DateTime mapping takes precedence over handlers for parameters until it is removed.</summary>
    public static void Register()
    {
        SqlMapper.RemoveTypeMap(typeof(DateTime));
        SqlMapper.RemoveTypeMap(typeof(DateTime?));
        SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
    }

    public override void SetValue(IDbDataParameter parameter, DateTime value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = ToText(value);
    }

    /// <summary>The stored form of a timestamp, for commands that bind their parameters without Dapper.</summary>
    public static string ToText(DateTime value) => value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public override DateTime Parse(object value) =>
        DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
