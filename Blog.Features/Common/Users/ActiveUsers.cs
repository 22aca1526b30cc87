using System.Data.Common;
using Dapper;

namespace Blog.Features.Common.Users;

/// <summary>Reads a user as the API answers it (<see cref="UserResponse"/>): the current user, the export's header.</summary>
public static class ActiveUsers
{
    private const string Sql = """
        SELECT id AS Id, username AS Username, email AS Email FROM users WHERE id = @Id AND active = TRUE;

        SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = @Id ORDER BY r.name;
        """;

    /// <summary>The active user <paramref name="id"/> with their roles, or null when there is none (deleted, deactivated).</summary>
    public static async Task<UserResponse?> FindAsync(DbConnection connection, long id)
    {
        await using var results = await connection.QueryMultipleAsync(Sql, new { Id = id });
        var user = await results.ReadSingleOrDefaultAsync<UserRow>();
        if (user is null)
        {
            return null;
        }

        var roles = (await results.ReadAsync<string>()).ToArray();
        return new UserResponse(user.Id, user.Username, user.Email, roles);
    }

    private sealed record UserRow(long Id, string Username, string Email);
}
