using AfterSales.Gateway.Uplink;

namespace AfterSales.Gateway.Tests.Uplink;

public sealed class PublishWindowTests
{
    [Fact]
    public void Size_BrokerSaysNothing_UsesOwnLimit()
    {
        var window = new PublishWindow(32);
        window.BrokerAllows(0);

        Assert.Equal(32, window.Size);
    }

    [Fact]
    public void Size_BrokerReceiveMaximumSmaller_NeverExceedsIt()
    {
        var window = new PublishWindow(32);
        window.BrokerAllows(10);

        Assert.Equal(10, window.Size);
    }

    [Fact]
    public void Size_BeforeConnect_UsesOwnLimit()
    {
        Assert.Equal(1, new PublishWindow(1).Size);
    }
}
