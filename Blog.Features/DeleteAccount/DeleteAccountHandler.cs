using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Dapper;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.DeleteAccount;

/// <summary>
/// Checks the password as a sign-in does (<see cref="AccountPasswords"/>), then deletes everything of the user in one
/// transaction: articles, the sign-in counts of their username and email address, and the user, whose sessions, roles
/// and access tokens go with it (their foreign keys cascade). The username and email address are free again.
/// </summary>
internal sealed partial class DeleteAccountHandler(
    IDbConnectionFactory database,
    AccountPasswords accountPasswords,
    ICurrentUser currentUser,
    ILogger<DeleteAccountHandler> logger) : ICommandHandler<DeleteAccountRequest, Result<Done>>
{
    internal const string WrongPassword = "The password is wrong.";

    private const string DeleteArticlesSql = "DELETE FROM articles WHERE author_id = @Id";

    private const string DeleteSignInCountsSql = "DELETE FROM login_failures WHERE identifier IN (@UsernameNormalized, @EmailNormalized)";

    private const string DeleteUserSql = "DELETE FROM users WHERE id = @Id";

    public async ValueTask<Result<Done>> Handle(DeleteAccountRequest request, CancellationToken cancellationToken)
    {
        var verified = await accountPasswords.VerifyAsync(
            currentUser.Id, request.Password, "password", WrongPassword, () => LogWrongPassword(logger, currentUser.Id), cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified.Error!;
        }

        var account = verified.Value;
        int articles;
        await using (var connection = await database.OpenForWriteAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            articles = await connection.ExecuteAsync(DeleteArticlesSql, new { account.Id }, transaction);
            await connection.ExecuteAsync(DeleteSignInCountsSql, new { account.UsernameNormalized, account.EmailNormalized }, transaction);
            await connection.ExecuteAsync(DeleteUserSql, new { account.Id }, transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        LogDeleted(logger, account.Id, articles);
        return default(Done);
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "User {UserId} deleted their account and {Articles} articles")]
    private static partial void LogDeleted(ILogger logger, long userId, int articles);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Account deletion refused: wrong password for user {UserId}")]
    private static partial void LogWrongPassword(ILogger logger, long userId);
}
