<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows feed.xml as a readable page when opened in a browser; feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>
  <xsl:template match="/rss/channel">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="title"/> · 订阅源</title>
        <link rel="stylesheet" href="feed.css"/>
        <link rel="icon" href="favicon.svg" type="image/svg+xml"/>
      </head>
      <body>
        <header>
          <p class="note">这是 RSS 订阅源。把本页网址复制到阅读器（如 Feedly、Inoreader、NetNewsWire）即可订阅。</p>
          <h1><xsl:value-of select="title"/></h1>
          <p><xsl:value-of select="description"/></p>
          <p><a href="{link}">返回网站</a></p>
        </header>
        <main>
          <ol>
            <xsl:for-each select="item">
              <li>
                <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
                <p class="meta">
                  <xsl:if test="pubDate"><xsl:value-of select="substring(pubDate, 6, 11)"/></xsl:if>
                  <xsl:for-each select="dc:creator">
                    <xsl:text> · </xsl:text><xsl:value-of select="."/>
                  </xsl:for-each>
                </p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
