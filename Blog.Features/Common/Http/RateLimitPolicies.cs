namespace Blog.Features.Common.Http;

/// <summary>Names of the rate limits the host defines (<c>Blog:RateLimits</c>): per client address, or per user.</summary>
public static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Register = "register";

    /// <summary>Per client address, password change and account deletion together: each checks a password.</summary>
    public const string Account = "account";

    /// <summary>Per signed-in user: generous for a person, small for a script gone wrong.</summary>
    public const string CreateArticle = "create-article";
}
