using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace Blog.Features.Common.Users;

/// <summary>
/// Checks a signed-in user's password before a change to their account (password change, deletion) the way a sign-in
/// checks it: the attempt counts under both of the account's sign-in identifiers, its username and its email address,
/// and is refused while either is locked. Counting under both adds no guesses to the five per identifier that sign-in
/// allows, so a stolen session cannot guess the password faster than sign-in could; a success clears both counts.
/// </summary>
public sealed class AccountPasswords(IDbConnectionFactory database, Passwords passwords, SignInAttempts attempts)
{
    private const string FindAccountSql = """
        SELECT id AS Id, username AS Username, email AS Email, username_normalized AS UsernameNormalized,
               email_normalized AS EmailNormalized, password_hash AS PasswordHash
        FROM users WHERE id = @Id
        """;

    /// <summary>
    /// The account of <paramref name="userId"/> when <paramref name="password"/> is its password; a wrong one is a
    /// validation error of <paramref name="field"/> with <paramref name="wrongPassword"/>, told to
    /// <paramref name="onWrongPassword"/> first (each operation logs its own security event), a locked account a lockout.
    /// </summary>
    public async Task<Result<Account>> VerifyAsync(
        long userId, string password, string field, string wrongPassword, Action onWrongPassword, CancellationToken cancellationToken)
    {
        Account? account;
        await using (var reader = await database.OpenAsync(cancellationToken))
        {
            account = await reader.QuerySingleOrDefaultAsync<Account>(FindAccountSql, new { Id = userId });
        }

        if (account is null)
        {
            // Deleted meanwhile, by a request of the same session that came first.
            return Error.Unauthorized("Sign in to continue.");
        }

        var reserved = await attempts.ReserveAsync([account.UsernameNormalized, account.EmailNormalized], cancellationToken);
        if (!reserved.IsSuccess)
        {
            return reserved.Error!;
        }

        if (await passwords.VerifyAsync(account.PasswordHash, password, cancellationToken) == PasswordVerificationResult.Failed)
        {
            await attempts.FailAsync(reserved.Value, userId, cancellationToken);
            onWrongPassword();
            return Error.Validation(new Dictionary<string, string[]> { [field] = [wrongPassword] });
        }

        await attempts.SucceedAsync(reserved.Value, cancellationToken);
        return account;
    }

    /// <summary>A user's account as a password check reads it; its identifiers are those sign-in counts attempts under.</summary>
    public sealed class Account
    {
        public long Id { get; init; }

        public required string Username { get; init; }

        public required string Email { get; init; }

        public required string UsernameNormalized { get; init; }

        public required string EmailNormalized { get; init; }

        public required string PasswordHash { get; init; }
    }
}
