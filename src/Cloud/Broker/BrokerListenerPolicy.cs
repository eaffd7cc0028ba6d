using System.Net;
using System.Net.Sockets;

namespace AfterSales.Cloud.Broker;

/// <summary>
/// Where the embedded broker's listeners bind (docs/security.md, "MQTT over TLS"). Plain MQTT carries
/// gateway passwords and alarms readable by anyone on the path, so it listens on loopback only (for
/// the cloud's own clients and a gateway on the same machine) unless <c>Broker:AllowPlainOnNetwork</c>
/// says otherwise; gateways elsewhere use the TLS listener on <c>Broker:BindAddress</c>.
/// </summary>
public static class BrokerListenerPolicy
{
    /// <summary>The IPv4 and IPv6 addresses of the plain listener; <see cref="IPAddress.None"/> means no listener for that family.</summary>
    public static (IPAddress V4, IPAddress V6) Plain(IPAddress bind, bool allowPlainOnNetwork) =>
        allowPlainOnNetwork ? OnAddress(bind) : (IPAddress.Loopback, IPAddress.None);

    /// <summary>The IPv4 and IPv6 addresses of the TLS listener.</summary>
    public static (IPAddress V4, IPAddress V6) Tls(IPAddress bind) => OnAddress(bind);

    /// <summary>True when a plain listener would have been on the network but is kept on loopback: worth a line in the log.</summary>
    public static bool PlainKeptOnLoopback(IPAddress bind, bool allowPlainOnNetwork) => !allowPlainOnNetwork && !IPAddress.IsLoopback(bind);

    /// <summary>0.0.0.0 means every address of both families; one address, that address only (MQTTnet would otherwise also open [::]).</summary>
    private static (IPAddress V4, IPAddress V6) OnAddress(IPAddress bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        if (bind.Equals(IPAddress.Any))
        {
            return (IPAddress.Any, IPAddress.IPv6Any);
        }

        return bind.AddressFamily == AddressFamily.InterNetworkV6 ? (IPAddress.None, bind) : (bind, IPAddress.None);
    }
}
