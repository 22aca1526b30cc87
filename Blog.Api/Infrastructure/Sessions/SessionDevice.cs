using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>
/// What a session records of the device it began on, for its user's session list: the User-Agent as sent (cut to
/// <see cref="MaxUserAgentLength"/> characters) and the client's address masked to its network (IPv4 /24, IPv6 /48),
/// never the full address. It travels from the sign-in to the ticket store in the sign-in's properties, which the
/// store takes it out of before it stores the ticket.
/// </summary>
public static class SessionDevice
{
    public const int MaxUserAgentLength = 200;

    private const string UserAgentItem = ".blog.userAgent";
    private const string IpAddressItem = ".blog.ipAddress";

    /// <summary>Sign-in properties that describe <paramref name="context"/>'s client.</summary>
    public static AuthenticationProperties Of(HttpContext context)
    {
        var properties = new AuthenticationProperties();
        var userAgent = context.Request.Headers.UserAgent.ToString();
        if (userAgent.Length > 0)
        {
            properties.Items[UserAgentItem] = userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : userAgent;
        }

        if (Mask(context.Connection.RemoteIpAddress) is { } address)
        {
            properties.Items[IpAddressItem] = address;
        }

        return properties;
    }

    /// <summary>The device <see cref="Of"/> described, removed from <paramref name="properties"/>.</summary>
    public static (string? UserAgent, string? IpAddress) TakeFrom(AuthenticationProperties properties)
    {
        properties.Items.Remove(UserAgentItem, out var userAgent);
        properties.Items.Remove(IpAddressItem, out var ipAddress);
        return (userAgent, ipAddress);
    }

    /// <summary>An address as a session shows it: <c>203.0.113.x</c> (its /24), <c>2001:db8:85a3::/48</c> (its /48).</summary>
    public static string? Mask(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.x";
        }

        Array.Clear(bytes, 6, 10);
        return new IPAddress(bytes) + "/48";
    }
}
