using System.Data.Common;
using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.Register;

internal sealed partial class RegisterHandler(
    IDbConnectionFactory database,
    IDatabaseErrors databaseErrors,
    Passwords passwords,
    TimeProvider clock,
    ILogger<RegisterHandler> logger) : ICommandHandler<RegisterRequest, Result<UserResponse>>
{
    private const string FindTakenSql = """
        SELECT EXISTS (SELECT 1 FROM users WHERE username_normalized = @UsernameNormalized) AS UsernameTaken,
               EXISTS (SELECT 1 FROM users WHERE email_normalized = @EmailNormalized) AS EmailTaken
        """;

    private const string InsertUserSql = """
        INSERT INTO users (username, username_normalized, email, email_normalized, password_hash, active, created_at)
        VALUES (@Username, @UsernameNormalized, @Email, @EmailNormalized, @PasswordHash, TRUE, @CreatedAt)
        RETURNING id
        """;

    private const string GrantRoleSql = """
        INSERT INTO user_roles (user_id, role_id)
        SELECT @UserId, id FROM roles WHERE name = @Role
        """;

    private const string UsernameColumn = "users.username_normalized";
    private const string EmailColumn = "users.email_normalized";

    private const string UsernameTaken = "The username is already taken.";
    private const string EmailTaken = "The email address is already registered.";

    public async ValueTask<Result<UserResponse>> Handle(RegisterRequest request, CancellationToken cancellationToken)
    {
        var user = new
        {
            request.Username,
            UsernameNormalized = request.Username.ToUpperInvariant(),
            request.Email,
            EmailNormalized = request.Email.ToUpperInvariant(),
        };

        Taken taken;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            // Reports both taken fields at once; the unique indexes still decide races below.
            taken = await reader.QuerySingleAsync<Taken>(FindTakenSql, user);
        }

        if (taken.UsernameTaken || taken.EmailTaken)
        {
            return Conflict(taken.UsernameTaken, taken.EmailTaken);
        }

        var passwordHash = await passwords.HashAsync(request.Password, cancellationToken);
        long id;
        try
        {
            await using var connection = await database.OpenForWriteAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            id = await connection.ExecuteScalarAsync<long>(
                InsertUserSql,
                new { user.Username, user.UsernameNormalized, user.Email, user.EmailNormalized, PasswordHash = passwordHash, CreatedAt = Timestamps.Now(clock) },
                transaction);
            await connection.ExecuteAsync(GrantRoleSql, new { UserId = id, Role = Roles.Author }, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception) when (databaseErrors.IsUniqueViolation(exception, UsernameColumn) || databaseErrors.IsUniqueViolation(exception, EmailColumn))
        {
            return Conflict(
                usernameTaken: databaseErrors.IsUniqueViolation(exception, UsernameColumn),
                emailTaken: databaseErrors.IsUniqueViolation(exception, EmailColumn));
        }

        LogRegistered(logger, id);
        return new UserResponse(id, request.Username, request.Email, [Roles.Author]);
    }

    private static Error Conflict(bool usernameTaken, bool emailTaken)
    {
        var errors = new Dictionary<string, string[]>();
        if (usernameTaken)
        {
            errors["username"] = [UsernameTaken];
        }

        if (emailTaken)
        {
            errors["email"] = [EmailTaken];
        }

        return Error.Conflict(errors);
    }

    private sealed class Taken
    {
        public bool UsernameTaken { get; init; }

        public bool EmailTaken { get; init; }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "User {UserId} registered")]
    private static partial void LogRegistered(ILogger logger, long userId);
}
