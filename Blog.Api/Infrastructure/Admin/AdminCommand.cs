using Blog.Features.Common.Pipeline;
using Blog.Features.SetAccountActive;
using Mediator;

namespace Blog.Api.Infrastructure.Admin;

/// <summary>
/// The operator's commands, run instead of the server when the first argument is <c>users</c>, against the
/// configured database: <c>users deactivate NAME</c> and <c>users reactivate NAME</c>.
/// </summary>
public static class AdminCommand
{
    private const string Usage = "Usage: users deactivate USERNAME | users reactivate USERNAME";

    public static bool IsRequested(string[] args) => args is ["users", ..];

    /// <summary>Runs the command through the mediator; the exit code is 0 on success, 1 on a refusal, 2 on a usage error.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args is not ["users", "deactivate" or "reactivate", var username])
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var active = args[1] == "reactivate";
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SetAccountActiveRequest(username, active));
        await output.WriteLineAsync(result.IsSuccess
            ? $"{username} is {(active ? "active again; old sessions stay ended" : "deactivated; its sessions have ended")}."
            : Describe(result.Error!));
        return result.IsSuccess ? 0 : 1;
    }

    private static string Describe(Error error) =>
        error.Detail ?? string.Join(" ", error.Errors?.Values.SelectMany(messages => messages) ?? []);
}
