using System.Net;
using System.Net.Sockets;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>A loopback port nothing listens on right now: for a host to bind, or to stand for a server that is down.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
