namespace Blog.Features.Common.Users;

/// <summary>The <c>User</c> of the API contract, answered by register, login and current user. Never carries a password or hash.</summary>
public sealed record UserResponse(long Id, string Username, string Email, IReadOnlyList<string> Roles);
