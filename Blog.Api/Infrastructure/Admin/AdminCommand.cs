using Blog.Features.Common.Pipeline;
using Blog.Features.RerenderArticles;
using Blog.Features.SetAccountActive;
using Mediator;

namespace Blog.Api.Infrastructure.Admin;

/// <summary>
/// The operator's commands, run instead of the server when the first argument is <c>users</c> or <c>articles</c>,
/// against the configured database: <c>users deactivate NAME</c>, <c>users reactivate NAME</c> and
/// <c>articles rerender</c>.
/// </summary>
public static class AdminCommand
{
    private const string Usage = "Usage: users deactivate USERNAME | users reactivate USERNAME | articles rerender";

    public static bool IsRequested(string[] args) => args is ["users", ..] or ["articles", ..];

    /// <summary>Runs the command through the mediator; the exit code is 0 on success, 1 on a refusal, 2 on a usage error.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        switch (args)
        {
            case ["users", "deactivate" or "reactivate", var username]:
            {
                var active = args[1] == "reactivate";
                var result = await sender.Send(new SetAccountActiveRequest(username, active));
                await output.WriteLineAsync(result.IsSuccess
                    ? $"{username} is {(active ? "active again; old sessions stay ended" : "deactivated; its sessions have ended")}."
                    : Describe(result.Error!));
                return result.IsSuccess ? 0 : 1;
            }

            case ["articles", "rerender"]:
            {
                var result = await sender.Send(new RerenderArticlesRequest());
                await output.WriteLineAsync(result.IsSuccess
                    ? $"{result.Value.Rendered} articles rendered again; {result.Value.Skipped} skipped (edited meanwhile, already current)."
                    : Describe(result.Error!));
                return result.IsSuccess ? 0 : 1;
            }

            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static string Describe(Error error) =>
        error.Detail ?? string.Join(" ", error.Errors?.Values.SelectMany(messages => messages) ?? []);
}
