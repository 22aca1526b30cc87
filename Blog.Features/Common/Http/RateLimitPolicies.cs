namespace Blog.Features.Common.Http;

/// <summary>Names of the per-client-address rate limits the host defines (<c>Blog:RateLimits</c>).</summary>
public static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Register = "register";
}
