package org.bookdrop.console;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Message;
import org.bookdrop.load.BookSearch;

/**
 * {@code /books}: the books table searched as CrateDB's tutorial searches it (full-text MATCH on
 * the title), filtered by author and category; {@code /books/author}: an author's books by
 * publication date; {@code /books/authors}: how many books each author has.
 */
public final class BooksPages {

    private static final int PAGE_SIZE = 20;

    private final BookSearch search;
    private final String table;

    public BooksPages(BookSearch search, String table) {
        this.search = search;
        this.table = table;
    }

    public void search(Message message) throws SQLException {
        String words = WebResponses.parameter(message, "q");
        String author = WebResponses.parameter(message, "author");
        String category = WebResponses.parameter(message, "category");
        int page = WebResponses.page(message);
        BookSearch.Page<BookSearch.Row> found = search.find(new BookSearch.Query(words, author, category),
                (page - 1) * PAGE_SIZE, PAGE_SIZE);
        StringBuilder body = new StringBuilder("<h1>Books</h1>\n");
        body.append("<form class=\"filters\" id=\"search\" method=\"get\" action=\"/books\" role=\"search\">")
                .append("<label>Title <input name=\"q\" type=\"search\" value=\"").append(Html.text(words))
                .append("\" placeholder=\"words of the title\" autofocus></label> ")
                .append("<label>Author <input name=\"author\" value=\"").append(Html.text(author)).append("\"></label> ")
                .append("<label>Category <input name=\"category\" value=\"").append(Html.text(category)).append("\"></label> ")
                .append("<button type=\"submit\">Search</button></form>\n");
        body.append("<p class=\"detail\">In table <code>").append(Html.text(table)).append("</code>. <a href=\"/books/authors\">Books per author</a></p>\n");
        body.append(books(found));
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", words);
        filters.put("author", author);
        filters.put("category", category);
        body.append(Html.pager("/books", filters, page, PAGE_SIZE, found.total()));
        WebResponses.html(message, Html.page("Books", "Books", body.toString()));
    }

    public void author(Message message) throws SQLException {
        String name = WebResponses.parameter(message, "name");
        int page = WebResponses.page(message);
        BookSearch.Page<BookSearch.Row> found = search.byAuthor(name, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        StringBuilder body = new StringBuilder("<h1>Books by ").append(Html.text(name)).append("</h1>\n")
                .append("<p class=\"detail\">By publication date, the oldest first.</p>\n");
        body.append(books(found));
        body.append(Html.pager("/books/author", Map.of("name", name), page, PAGE_SIZE, found.total()));
        WebResponses.html(message, Html.page("Books by " + name, "Books", body.toString()));
    }

    public void authors(Message message) throws SQLException {
        int page = WebResponses.page(message);
        BookSearch.Page<BookSearch.AuthorCount> found = search.authors((page - 1) * PAGE_SIZE, PAGE_SIZE);
        StringBuilder body = new StringBuilder("<h1>Books per author</h1>\n<table id=\"authors\"><thead><tr><th>Author</th>"
                + "<th class=\"n\">Books</th></tr></thead><tbody>");
        for (BookSearch.AuthorCount author : found.rows()) {
            body.append("<tr><td><a href=\"").append(Html.href("/books/author", Map.of("name", author.author()))).append("\">")
                    .append(Html.text(author.author())).append("</a></td><td class=\"n\">").append(Html.count(author.books()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
        body.append(Html.pager("/books/authors", Map.of(), page, PAGE_SIZE, found.total()));
        WebResponses.html(message, Html.page("Books per author", "Books", body.toString()));
    }

    private static String books(BookSearch.Page<BookSearch.Row> found) {
        StringBuilder out = new StringBuilder("<table id=\"books\"><thead><tr><th>Title</th><th>Author</th><th>Published</th>"
                + "<th>Categories</th><th>Id</th></tr></thead><tbody>");
        if (found.rows().isEmpty()) {
            out.append("<tr class=\"empty\"><td colspan=\"5\">No books found.</td></tr>");
        }
        for (BookSearch.Row row : found.rows()) {
            out.append("<tr><td class=\"title\">").append(Html.text(row.title())).append("</td><td>");
            if (row.author() != null) {
                out.append("<a href=\"").append(Html.href("/books/author", Map.of("name", row.author()))).append("\">")
                        .append(Html.text(row.author())).append("</a>");
            }
            out.append("</td><td>").append(Html.text(row.published())).append("</td><td>");
            for (String category : row.categories()) {
                out.append("<a class=\"tag\" href=\"").append(Html.href("/books", Map.of("category", category == null ? "" : category)))
                        .append("\">").append(Html.text(category)).append("</a> ");
            }
            out.append("</td><td><code>").append(Html.text(row.id())).append("</code></td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
