using System.Security.Cryptography;

namespace AfterSales.Cloud.Mqtt;

/// <summary>
/// The cloud's own login on the embedded broker: made fresh at each start and never written
/// anywhere, so no gateway can pose as the cloud.
/// </summary>
internal sealed class CloudBrokerCredential
{
    public string Username { get; } = "aftersales-cloud-internal";

    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}
