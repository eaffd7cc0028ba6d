using AfterSales.Protocol.Panels.SiaDc09;

namespace AfterSales.Protocol.Tests.Panels.SiaDc09;

public sealed class Dc09TimestampWindowTests
{
    private static readonly DateTimeOffset Now = new(2024, 2, 20, 21, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-40, true)]
    [InlineData(-41, false)]
    [InlineData(20, true)]
    [InlineData(21, false)]
    [InlineData(0, true)]
    public void IsWithin_DefaultWindow_AcceptsMinus40ToPlus20Seconds(int offsetSeconds, bool expected)
    {
        Assert.Equal(expected, Dc09TimestampWindow.IsWithin(Now.AddSeconds(offsetSeconds), Now, Dc09TimestampWindow.DefaultMaxAge, Dc09TimestampWindow.DefaultMaxAhead));
    }

    [Fact]
    public void IsWithin_MessageWithoutTimestamp_Accepted()
    {
        var message = new Dc09Message("NULL", false, 0, null, "0", "1234", string.Empty, null, [], null);

        Assert.True(Dc09TimestampWindow.IsWithin(message, Now));
    }
}
