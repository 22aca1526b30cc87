using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Common.Users;

public static class PasswordServices
{
    /// <summary>
    /// <see cref="Passwords"/> over Identity's hasher with the contract's parameters: v3 (PBKDF2-HMAC-SHA512),
    /// <see cref="Passwords.Iterations"/> iterations; the common-password blocklist (read once at start-up) that every
    /// new password is checked against; the sign-in attempt counts of the lockout, and the password check before an account changes.
    /// </summary>
    public static IServiceCollection AddPasswords(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = Passwords.Iterations;
        });
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<SignInAttempts>();
        services.AddSingleton<AccountPasswords>();
        return services.AddSingleton<Passwords>();
    }
}
