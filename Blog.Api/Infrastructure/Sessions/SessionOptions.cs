namespace Blog.Api.Infrastructure.Sessions;

/// <summary><c>Blog:Sessions</c>: a session ends after <see cref="IdleTimeout"/> without requests, and after <see cref="AbsoluteLifetime"/> in any case.</summary>
public sealed class SessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(7);
}
