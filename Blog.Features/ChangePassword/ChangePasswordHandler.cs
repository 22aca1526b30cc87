using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.ChangePassword;

/// <summary>
/// Checks the current password as a sign-in does (<see cref="AccountPasswords"/>: it counts toward the lockout), then
/// stores the new hash and ends every other session of the user in one transaction. Access tokens are kept.
/// </summary>
internal sealed partial class ChangePasswordHandler(
    IDbConnectionFactory database,
    Passwords passwords,
    AccountPasswords accountPasswords,
    ICurrentUser currentUser,
    ILogger<ChangePasswordHandler> logger) : ICommandHandler<ChangePasswordRequest, Result<Done>>
{
    internal const string WrongPassword = "The current password is wrong.";

    private const string SetHashSql = "UPDATE users SET password_hash = @PasswordHash WHERE id = @Id";

    private const string EndOtherSessionsSql = "DELETE FROM sessions WHERE user_id = @UserId AND public_id <> @Current";

    public async ValueTask<Result<Done>> Handle(ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var verified = await accountPasswords.VerifyAsync(
            currentUser.Id, request.CurrentPassword, "currentPassword", WrongPassword, () => LogWrongPassword(logger, currentUser.Id), cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified.Error!;
        }

        var account = verified.Value;
        var sameAsName = PasswordRules.IsName(request.NewPassword, account.Username) ? PasswordRules.SameAsUsername
            : PasswordRules.IsName(request.NewPassword, account.Email) ? PasswordRules.SameAsEmail
            : null;
        if (sameAsName is not null)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["newPassword"] = [sameAsName] });
        }

        var hash = await passwords.HashAsync(request.NewPassword, cancellationToken);
        int endedSessions;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(SetHashSql, new { Id = currentUser.Id, PasswordHash = hash }, transaction);
            endedSessions = await connection.ExecuteAsync(
                EndOtherSessionsSql, new { UserId = currentUser.Id, Current = currentUser.SessionId ?? string.Empty }, transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        LogChanged(logger, currentUser.Id, endedSessions);
        return default(Done);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Password of user {UserId} changed; {Sessions} other sessions ended")]
    private static partial void LogChanged(ILogger logger, long userId, int sessions);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Password change refused: wrong current password for user {UserId}")]
    private static partial void LogWrongPassword(ILogger logger, long userId);
}
