using AfterSales.Gateway.Sequencing;

namespace AfterSales.Gateway.Tests.Support;

internal sealed class CountingSequence : ISequenceSource
{
    private long _next = 1;

    public long Next() => _next++;
}
