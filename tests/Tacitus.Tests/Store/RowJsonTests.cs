using System.Text.Json;
using Tacitus.Store;

namespace Tacitus.Tests.Store;

public class RowJsonTests
{
    [Fact]
    public void Of_Null_IsNull() => Assert.Null(new RowJson().Of<List<int>>(null, StoreJson.Default.ListInt32));

    [Fact]
    public void Of_TwoValuesOfOneRow_EachKeepsItsOwnText()
    {
        var json = new RowJson();
        json.Begin();
        var first = json.Of([1, 2], StoreJson.Default.ListInt32)!;
        var second = json.Of([7], StoreJson.Default.ListInt32)!;

        Assert.Equal(("[1,2]", "[7]"), (first.ToString(), second.ToString()));
    }

    [Fact]
    public void Of_Value_SameTextAsTheSerializerGives()
    {
        var explanation = new Dictionary<string, string> { ["event"] = "rule \"attack\" é", ["actor"] = "subject" };
        var json = new RowJson();
        json.Begin();

        Assert.Equal(JsonSerializer.Serialize(explanation, StoreJson.Default.DictionaryStringString), json.Of(explanation, StoreJson.Default.DictionaryStringString)!.ToString());
    }
}
