using Blog.Features.Common.Data;
using Blog.Features.Common.Pipeline;
using Blog.Features.Common.Users;
using Mediator;

namespace Blog.Features.GetCurrentUser;

internal sealed class GetCurrentUserHandler(IDbConnectionFactory database, ICurrentUser currentUser)
    : IQueryHandler<GetCurrentUserRequest, Result<UserResponse>>
{
    public async ValueTask<Result<UserResponse>> Handle(GetCurrentUserRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var user = await ActiveUsers.FindAsync(connection, currentUser.Id);
        return user is null ? Error.Unauthorized("Sign in to continue.") : user;
    }
}
