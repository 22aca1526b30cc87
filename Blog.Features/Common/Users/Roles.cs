namespace Blog.Features.Common.Users;

/// <summary>The roles a user can hold; requests name them in <see cref="Pipeline.RequireSignInAttribute"/>.</summary>
public static class Roles
{
    public const string Author = "author";
}
