using System.Net;
using Blog.Api.Infrastructure.Sessions;
using Microsoft.AspNetCore.Http;

namespace Blog.Tests.Sessions;

/// <summary>A session records its device's User-Agent (cut to 200 characters) and only the network of its address.</summary>
public sealed class SessionDeviceTests
{
    [Theory]
    [InlineData("203.0.113.195", "203.0.113.x")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.x")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::/48")]
    [InlineData("2001:db8:85a3::1", "2001:db8:85a3::/48")]
    [InlineData("::1", "::/48")]
    public void An_address_is_masked_to_its_network(string address, string masked)
    {
        SessionDevice.Mask(IPAddress.Parse(address)).Should().Be(masked);
    }

    [Fact]
    public void No_address_is_none()
    {
        SessionDevice.Mask(null).Should().BeNull();
    }

    [Fact]
    public void The_device_travels_in_the_sign_ins_properties_and_is_taken_out_of_them()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = new string('a', 300);
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.195");

        var properties = SessionDevice.Of(context);
        var device = SessionDevice.TakeFrom(properties);

        device.UserAgent.Should().Be(new string('a', SessionDevice.MaxUserAgentLength));
        device.IpAddress.Should().Be("203.0.113.x");
        properties.Items.Should().BeEmpty("nothing of it is stored inside the ticket");
    }

    [Fact]
    public void A_request_without_User_Agent_or_address_records_neither()
    {
        var device = SessionDevice.TakeFrom(SessionDevice.Of(new DefaultHttpContext()));

        device.Should().Be(((string?)null, (string?)null));
    }
}
