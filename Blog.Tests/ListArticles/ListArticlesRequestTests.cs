using Blog.Features.ListArticles;

namespace Blog.Tests.ListArticles;

/// <summary>The request reads its query text once; the handler uses the numbers, the validator reports the text that did not read.</summary>
public sealed class ListArticlesRequestTests
{
    [Fact]
    public void Without_a_limit_or_cursor_the_page_is_the_first_of_20()
    {
        var request = new ListArticlesRequest(null, null);

        request.PageSize.Should().Be(20);
        request.Before.Should().Be(long.MaxValue);
    }

    [Fact]
    public void A_limit_and_cursor_are_read_as_numbers()
    {
        var request = new ListArticlesRequest("7", "42");

        request.PageSize.Should().Be(7);
        request.Before.Should().Be(42);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("101", "-5")]
    [InlineData(" 5", "1e3")]
    [InlineData("", "")]
    public void Text_that_does_not_read_leaves_no_number(string limit, string cursor)
    {
        var request = new ListArticlesRequest(limit, cursor);

        request.PageSize.Should().BeNull();
        request.Before.Should().BeNull();
    }
}
