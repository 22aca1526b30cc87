using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Blog.Features.Login;

/// <summary>
/// Checks the credentials. Unknown user and wrong password answer the same and cost the same (a dummy hash is
/// verified). The attempt counts under the submitted identifier, whether or not such a user exists, and is reserved
/// before any hash runs (<see cref="SignInAttempts"/>, the lockout). A success clears the count.
/// </summary>
internal sealed partial class LoginHandler(
    IDbConnectionFactory database,
    Passwords passwords,
    SignInAttempts attempts,
    ILogger<LoginHandler> logger) : ICommandHandler<LoginRequest, Result<UserResponse>>
{
    private const string FindUserSql = """
        SELECT id AS Id, username AS Username, email AS Email, password_hash AS PasswordHash, active AS Active
        FROM users
        WHERE username_normalized = @Identifier OR email_normalized = @Identifier;

        SELECT r.name
        FROM users u
        JOIN user_roles ur ON ur.user_id = u.id
        JOIN roles r ON r.id = ur.role_id
        WHERE u.username_normalized = @Identifier OR u.email_normalized = @Identifier
        ORDER BY r.name;
        """;

    private const string UpgradeHashSql = "UPDATE users SET password_hash = @PasswordHash WHERE id = @Id";

    public async ValueTask<Result<UserResponse>> Handle(LoginRequest request, CancellationToken cancellationToken)
    {
        var identifier = SignInAttempts.Normalize(request.UsernameOrEmail);
        var reserved = await attempts.ReserveAsync([identifier], cancellationToken);
        if (!reserved.IsSuccess)
        {
            return reserved.Error!;
        }

        var attempt = reserved.Value;
        UserCredentials? user;
        string[] roles;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            await using var results = await reader.QueryMultipleAsync(FindUserSql, new { Identifier = identifier });
            user = await results.ReadSingleOrDefaultAsync<UserCredentials>();
            roles = (await results.ReadAsync<string>()).ToArray();
        }

        if (user is null)
        {
            await passwords.VerifyDummyAsync(request.Password, cancellationToken);
            return await FailAsync(attempt, userId: null, cancellationToken);
        }

        var verification = await passwords.VerifyAsync(user.PasswordHash, request.Password, cancellationToken);
        if (verification == PasswordVerificationResult.Failed)
        {
            return await FailAsync(attempt, user.Id, cancellationToken);
        }

        if (!user.Active)
        {
            LogDisabled(logger, user.Id);
            return Error.Forbidden("Account is disabled.");
        }

        await attempts.SucceedAsync(attempt, cancellationToken);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var upgradedHash = await passwords.HashAsync(request.Password, cancellationToken);
            await using var writer = await database.OpenForWriteAsync(cancellationToken);
            await writer.ExecuteAsync(UpgradeHashSql, new { user.Id, PasswordHash = upgradedHash });
            LogHashUpgraded(logger, user.Id);
        }

        LogSignedIn(logger, user.Id);
        return new UserResponse(user.Id, user.Username, user.Email, roles);
    }

    private async Task<Result<UserResponse>> FailAsync(SignInAttempts.Attempt attempt, long? userId, CancellationToken cancellationToken)
    {
        if (!await attempts.FailAsync(attempt, userId, cancellationToken))
        {
            LogFailed(logger, userId, attempt.FailuresInARow);
        }

        return Error.Unauthorized("Wrong username or password.");
    }

    private sealed class UserCredentials
    {
        public long Id { get; init; }

        public required string Username { get; init; }

        public required string Email { get; init; }

        public required string PasswordHash { get; init; }

        public bool Active { get; init; }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, long userId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Sign-in failed (user {UserId}, failure {Failures} in a row; no user id: no such account)")]
    private static partial void LogFailed(ILogger logger, long? userId, int failures);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Sign-in refused: user {UserId} is disabled")]
    private static partial void LogDisabled(ILogger logger, long userId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Password hash of user {UserId} upgraded to the current parameters")]
    private static partial void LogHashUpgraded(ILogger logger, long userId);
}
