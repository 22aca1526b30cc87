using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Blog.Tests.Infrastructure;

/// <summary>
/// The API as an operator runs it: its build output (copied beside the tests, appsettings.json included) in a process
/// of its own, started from a folder that is not its own, on a database of the run's engine.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly string ApiDll = Path.Combine(AppContext.BaseDirectory, "Blog.Api.dll");

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, string? baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where a server started by <see cref="StartServerAsync"/> listens.</summary>
    public string? BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts a server on a free port and waits until it answers <c>/health</c>, unless told not to wait.</summary>
    public static async Task<ApiProcess> StartServerAsync(string connectionString, IDictionary<string, string>? settings = null, bool waitUntilHealthy = true)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var api = new ApiProcess(Launch(connectionString, settings, "--urls", baseUrl), baseUrl);
        if (waitUntilHealthy)
        {
            await api.WaitUntilHealthyAsync();
        }

        return api;
    }

    /// <summary>Runs a command of the program (such as <c>users deactivate NAME</c>) to its end, within 30 s.</summary>
    public static async Task<ApiProcess> RunAsync(string connectionString, params string[] args)
    {
        var api = new ApiProcess(Launch(connectionString, null, args), baseUrl: null);
        await api.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return api;
    }

    public async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"The API exited ({_process.ExitCode}) before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"The API was not healthy within 60 s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    public async Task WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The API did not end within {within.TotalSeconds} s:\n{Output}");
        }

        // The asynchronous readers may still hold the last lines.
        _process.WaitForExit();
    }

    /// <summary>The most memory the process has held so far (Linux's <c>VmHWM</c>, its peak resident set), in bytes.</summary>
    public long PeakResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").Single(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process Launch(string connectionString, IDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(ApiDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Blog"] = connectionString;
        start.Environment["Blog__Database__Provider"] = TestDatabase.Provider.ToString();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
