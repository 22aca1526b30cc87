using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Blog.Features.Common.Users;

public static class PasswordServices
{
    /// <summary><see cref="Passwords"/> over Identity's hasher with the contract's parameters: v3 (PBKDF2-HMAC-SHA512), <see cref="Passwords.Iterations"/> iterations.</summary>
    public static IServiceCollection AddPasswords(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(options =>
        {
            options.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            options.IterationCount = Passwords.Iterations;
        });
        return services.AddSingleton<Passwords>();
    }
}
