using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Blog.Features.Logout;

/// <summary>
/// Records the sign-out. The session row itself is deleted by the cookie handler's ticket store when the endpoint
/// signs out, so the cookie stops working at once.
/// </summary>
internal sealed partial class LogoutHandler(ICurrentUser currentUser, ILogger<LogoutHandler> logger) : ICommandHandler<LogoutRequest, Result<Done>>
{
    public ValueTask<Result<Done>> Handle(LogoutRequest request, CancellationToken cancellationToken)
    {
        if (currentUser.IsSignedIn)
        {
            LogSignedOut(logger, currentUser.Id);
        }

        return ValueTask.FromResult<Result<Done>>(default(Done));
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "User {UserId} signed out")]
    private static partial void LogSignedOut(ILogger logger, long userId);
}
