using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;

namespace Blog.Features.GetCurrentUser;

internal sealed class GetCurrentUserHandler(IDbConnectionFactory database, ICurrentUser currentUser)
    : IQueryHandler<GetCurrentUserRequest, Result<UserResponse>>
{
    private const string Sql = """
        SELECT id AS Id, username AS Username, email AS Email FROM users WHERE id = @Id AND active = TRUE;

        SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = @Id ORDER BY r.name;
        """;

    public async ValueTask<Result<UserResponse>> Handle(GetCurrentUserRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(Sql, new { currentUser.Id });
        var user = await results.ReadSingleOrDefaultAsync<UserRow>();
        if (user is null)
        {
            return Error.Unauthorized("Sign in to continue.");
        }

        var roles = (await results.ReadAsync<string>()).ToArray();
        return new UserResponse(user.Id, user.Username, user.Email, roles);
    }

    private sealed record UserRow(long Id, string Username, string Email);
}
