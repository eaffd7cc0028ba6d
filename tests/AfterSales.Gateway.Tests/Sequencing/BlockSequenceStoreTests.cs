using AfterSales.Gateway.Sequencing;
using AfterSales.Gateway.Tests.Support;

namespace AfterSales.Gateway.Tests.Sequencing;

public sealed class BlockSequenceStoreTests
{
    [Fact]
    public void Next_FreshDirectory_StartsAtOneAndIncreases()
    {
        using var dir = new TempDirectory();
        var store = new BlockSequenceStore(dir.Path);

        Assert.Equal([1L, 2L, 3L], [store.Next(), store.Next(), store.Next()]);
    }

    [Fact]
    public void Next_AfterRestartWithoutCleanShutdown_NeverRepeatsAndKeepsIncreasing()
    {
        using var dir = new TempDirectory();
        var first = new BlockSequenceStore(dir.Path, blockSize: 10);
        var before = Enumerable.Range(0, 25).Select(_ => first.Next()).ToList();

        // The first instance is simply abandoned, as a power cut would.
        var second = new BlockSequenceStore(dir.Path, blockSize: 10);
        var after = Enumerable.Range(0, 25).Select(_ => second.Next()).ToList();

        Assert.True(after[0] > before[^1], $"restart began at {after[0]} after {before[^1]}");
        Assert.Equal(50, before.Concat(after).Distinct().Count());
        Assert.Equal(after.Order(), after);
    }

    [Fact]
    public void Next_ManyRestarts_SeqStrictlyIncreasesAcrossAll()
    {
        using var dir = new TempDirectory();
        var last = 0L;
        for (var restart = 0; restart < 5; restart++)
        {
            var store = new BlockSequenceStore(dir.Path, blockSize: 3);
            for (var i = 0; i < restart; i++)
            {
                var seq = store.Next();
                Assert.True(seq > last);
                last = seq;
            }
        }
    }

    [Fact]
    public void Next_WithinABlock_WritesTheMarkOnlyWhenTheBlockIsUsedUp()
    {
        using var dir = new TempDirectory();
        var store = new BlockSequenceStore(dir.Path, blockSize: 1000);

        store.Next();
        var markAfterFirst = File.ReadAllText(store.FilePath).Trim();
        for (var i = 0; i < 998; i++)
        {
            store.Next();
        }

        Assert.Equal("1001", markAfterFirst);
        Assert.Equal("1001", File.ReadAllText(store.FilePath).Trim());
        store.Next();
        store.Next();
        Assert.Equal("2001", File.ReadAllText(store.FilePath).Trim());
    }

    [Fact]
    public void Open_CorruptMark_RefusesToGuess()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File(BlockSequenceStore.FileName), "garbage");

        var ex = Assert.Throws<InvalidDataException>(() => new BlockSequenceStore(dir.Path));
        Assert.Contains("seq", ex.Message, StringComparison.Ordinal);
    }
}
