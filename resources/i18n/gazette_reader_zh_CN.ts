<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="31"/>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="32"/>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="33"/>
        <source>Load the &amp;sample gazette</source>
        <translation>载入示例公报(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="34"/>
        <source>Open archive &amp;pack…</source>
        <translation>打开档案包(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="35"/>
        <source>Open &amp;my own archive</source>
        <translation>打开我自己的档案库(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="39"/>
        <source>&amp;Export document as PDF…</source>
        <translation>导出为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="40"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="41"/>
        <source>Export &amp;notes…</source>
        <translation>导出笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="43"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="44"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="45"/>
        <source>Copy with &amp;citation</source>
        <translation>复制并注明出处(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="46"/>
        <source>&amp;Find in document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="47"/>
        <source>&amp;Search the archive</source>
        <translation>搜索档案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="48"/>
        <source>&amp;Next hit</source>
        <translation>下一处命中(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="49"/>
        <source>P&amp;revious hit</source>
        <translation>上一处命中(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="50"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="52"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="53"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="54"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="55"/>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="59"/>
        <source>&amp;Original pages</source>
        <translation>原始页面(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="60"/>
        <source>&amp;About Gazette Reader</source>
        <translation>关于公报阅读器(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="61"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="63"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="67"/>
        <source>&amp;Bookmark this document</source>
        <translation>为本文件加书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="68"/>
        <source>&amp;Highlight selection</source>
        <translation>高亮所选文字(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="69"/>
        <source>Highlight with &amp;note…</source>
        <translation>高亮并添加批注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="72"/>
        <source>Highlight in {0}</source>
        <translation>用{0}高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="76"/>
        <source>&amp;Edit note of highlight…</source>
        <translation>编辑高亮的批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77"/>
        <source>&amp;Remove highlight</source>
        <translation>删除高亮(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="78"/>
        <source>&amp;Move highlight to selection</source>
        <translation>移到所选文字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="79"/>
        <source>Bookmarks &amp;panel</source>
        <translation>书签面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="80"/>
        <source>&amp;Annotations panel</source>
        <translation>批注面板(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="81"/>
        <source>P&amp;eople panel (appointments and removals)</source>
        <translation>人员面板（任免）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="123"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="130"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="133"/>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="136"/>
        <source>Highlight &amp;colour</source>
        <translation>高亮颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="142"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="145"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="218"/>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="222"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="224"/>
        <location filename="../../reader/ui/notes_panels.py" line="272"/>
        <source>All issues</source>
        <translation>全部期次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="225"/>
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="227"/>
        <location filename="../../reader/ui/notes_panels.py" line="228"/>
        <source>Filter notes and quotes</source>
        <translation>筛选批注和摘录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="216"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="231"/>
        <source>Needs review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="233"/>
        <source>Highlights re-attached after a re-import where another place fits nearly as well: confirm each, or select the right words and move it there</source>
        <translation>重新导入后重新定位的高亮，另一处同样相符：逐条确认，或选中正确的文字后移过去</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="236"/>
        <source>Confirm place</source>
        <translation>确认位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="255"/>
        <source>Edit note…</source>
        <translation>编辑批注…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="281"/>
        <source>{0} annotations</source>
        <translation>{0} 条批注</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../reader/ui/app.py" line="92"/>
        <source>Where should Gazette Reader keep its data?</source>
        <translation>公报阅读器的数据保存在哪里？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="93"/>
        <source>Keep the archive and your notes in your user folder ({0}), or beside the program in {1} (portable: for a USB stick)?</source>
        <translation>把档案和笔记保存在您的用户文件夹（{0}），还是保存在程序旁的 {1}（便携模式：适合U盘）？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="96"/>
        <source>In my user folder</source>
        <translation>保存在用户文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="97"/>
        <source>Beside the program (portable)</source>
        <translation>保存在程序旁（便携）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="110"/>
        <source>Gazette Reader cannot start</source>
        <translation>公报阅读器无法启动</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="183"/>
        <source>In the order added</source>
        <translation>按添加顺序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="184"/>
        <source>By issue</source>
        <translation>按期次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="185"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="181"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="186"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="201"/>
        <source>Rename bookmark</source>
        <translation>重命名书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="201"/>
        <source>Label:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>CitationsController</name>
    <message>
        <location filename="../../reader/ui/citations_panel.py" line="128"/>
        <source>Citations</source>
        <translation>引用关系</translation>
    </message>
    <message>
        <location filename="../../reader/ui/citations_panel.py" line="135"/>
        <source>C&amp;itations panel</source>
        <translation>引用关系面板(&amp;I)</translation>
    </message>
</context>
<context>
    <name>CitationsPanel</name>
    <message>
        <location filename="../../reader/ui/citations_panel.py" line="51"/>
        <source>Filter by title or 文号</source>
        <translation>按标题或文号筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/citations_panel.py" line="52"/>
        <source>Filter the citations</source>
        <translation>筛选引用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/citations_panel.py" line="72"/>
        <source>Cites ({0}, {1} in the archive)</source>
        <translation>引用 {0} 件（档案中有 {1} 件）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/citations_panel.py" line="73"/>
        <source>Cited by ({0})</source>
        <translation>被引用 {0} 件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/citations_panel.py" line="87"/>
        <location filename="../../reader/ui/citations_panel.py" line="89"/>
        <source>(not in the archive)</source>
        <translation>（档案中没有）</translation>
    </message>
</context>
<context>
    <name>DocumentHtml</name>
    <message>
        <location filename="../../reader/ui/document_html.py" line="69"/>
        <source>Text recognised from scanned pages (OCR, confidence {0:.0%}): check names and numbers against the original pages (Ctrl+Shift+P)</source>
        <translation>文字由识别得到（置信度 {0:.0%}）：人名和数字请对照原始页面核对（Ctrl+Shift+P）</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="20"/>
        <location filename="../../reader/ui/find_bar.py" line="21"/>
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="26"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="27"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="28"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="53"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/find_bar.py" line="55"/>
        <source>{0} of {1}</source>
        <translation>第 {0} 处，共 {1} 处</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="31"/>
        <location filename="../../reader/ui/import_controller.py" line="40"/>
        <source>Import gazettes</source>
        <translation>导入公报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="32"/>
        <source>This window shows an office pack, which is read-only. To import files into your own archive, use File → Open my own archive, then import them there.</source>
        <translation>此窗口显示的是办公室档案包，只读。要把文件导入您自己的档案库，请使用“文件 → 打开我自己的档案库”，然后在那里导入。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="41"/>
        <source>Gazettes and documents (*.pdf *.docx *.ofd *.txt *.md *.html *.htm);;All files (*)</source>
        <translation>公报和文件 (*.pdf *.docx *.ofd *.txt *.md *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="49"/>
        <source>Import a folder of gazettes</source>
        <translation>导入公报文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="66"/>
        <source>Nothing to import</source>
        <translation>没有可导入的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_controller.py" line="67"/>
        <source>No PDF, .txt or .md file was found there.</source>
        <translation>那里没有找到 PDF、.txt 或 .md 文件。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="40"/>
        <source>Import gazettes</source>
        <translation>导入公报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="44"/>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="47"/>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="53"/>
        <source>Replace these issues</source>
        <translation>替换这些期次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="54"/>
        <source>Enter password…</source>
        <translation>输入密码…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="86"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="104"/>
        <source>Importing {0} of {1}: {2}</source>
        <translation>正在导入第 {0}/{1} 个：{2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="109"/>
        <source>Recognising scanned page {0} of {1}: {2}</source>
        <translation>正在识别扫描页 {0}/{1}：{2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="141"/>
        <source>{0} imported, {1} replaced, {2} already in the archive, {3} failed</source>
        <translation>已导入 {0} 个，已替换 {1} 个，{2} 个已在档案中，失败 {3} 个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="165"/>
        <source>Password for:
{0}</source>
        <translation>请输入以下文件的密码：
{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="175"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="122"/>
        <source>warning: {0}</source>
        <translation>警告：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="143"/>
        <source>Cancelled. </source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="143"/>
        <source>Done. </source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="144"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/import_dialog.py" line="164"/>
        <source>Encrypted PDF</source>
        <translation>加密的 PDF</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="69"/>
        <location filename="../../reader/ui/tree_model.py" line="98"/>
        <source>Undated</source>
        <translation>未注明年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="69"/>
        <location filename="../../reader/ui/tree_model.py" line="98"/>
        <source>{0}</source>
        <comment>a year in the tree</comment>
        <translation>{0}年</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="91"/>
        <source>Document library</source>
        <translation>文件库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="92"/>
        <source>Documents imported one by one (saved web pages, single documents), not in an issue</source>
        <translation>单独导入的文件（保存的网页、单份公文），不属于某期公报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="96"/>
        <source>(no issuing organ)</source>
        <translation>（未注明发文机关）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="130"/>
        <location filename="../../reader/ui/tree_model.py" line="246"/>
        <source>(no section)</source>
        <translation>（无栏目）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="138"/>
        <source>Not listed in the printed table of contents</source>
        <translation>印刷目录中未列出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="105"/>
        <location filename="../../reader/ui/tree_model.py" line="144"/>
        <source>Status: {0}</source>
        <translation>效力：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/tree_model.py" line="207"/>
        <source>{0} documents</source>
        <translation>{0} 篇文件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="60"/>
        <source>Gazette Reader</source>
        <translation>公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="98"/>
        <source>Gazettes, issues and documents</source>
        <translation>公报、期次与文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132"/>
        <source>Search the archive</source>
        <translation>搜索档案</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="140"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="273"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="78"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="128"/>
        <source>Search: words, 文号, title:…  (Ctrl+K)</source>
        <translation>搜索：关键词、文号、标题:…（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="129"/>
        <source>Words, a 文号, a phrase in quotes, -word to leave out, OR; fields such as title:… number:… issuer:… year:2019-2023 section:… gazette:… status:valid</source>
        <translation>关键词、文号、加引号的短语、-词语（排除）、OR；字段如 标题:… 文号:… 机关:… 年份:2019-2023 栏目:… 公报:… 状态:有效</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="288"/>
        <source>Copied with citation</source>
        <translation>已复制（含出处）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="309"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="360"/>
        <source>About Gazette Reader</source>
        <translation>关于公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="361"/>
        <source>Gazette Reader {0}
Data folder: {1}</source>
        <translation>公报阅读器 {0}
数据文件夹：{1}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../reader/ui/messages.py" line="13"/>
        <source>The file does not exist. Check the path.</source>
        <translation>文件不存在。请检查路径。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="14"/>
        <source>This is a folder. Import the files inside it.</source>
        <translation>这是一个文件夹。请导入其中的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="15"/>
        <source>The file cannot be read. Check its permissions.</source>
        <translation>无法读取该文件。请检查文件权限。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="16"/>
        <source>The file is empty. Export the gazette again.</source>
        <translation>文件是空的。请重新导出该期公报。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="17"/>
        <source>Not a text export. Export it as UTF-8 text, or import the PDF.</source>
        <translation>不是文本导出文件。请导出为 UTF-8 文本，或导入 PDF。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="20"/>
        <source>The PDF is encrypted. Enter its password.</source>
        <translation>PDF 已加密。请输入密码。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="21"/>
        <source>Wrong password for this encrypted PDF. Try again.</source>
        <translation>加密 PDF 的密码不正确。请重试。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="18"/>
        <source>The file is damaged or incomplete. Download or copy the file again.</source>
        <translation>文件已损坏或不完整。请重新下载或复制该文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="19"/>
        <source>The file has no pages. Export the gazette again.</source>
        <translation>文件没有页面。请重新导出该期公报。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="22"/>
        <source>This file is a scan without a text layer. Import it with OCR on, or import a text export of it.</source>
        <translation>此文件是扫描件，没有文字层。请开启文字识别（OCR）后导入，或导入它的文本导出文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="23"/>
        <source>Scanned pages need the OCR engine, which is not installed: pip install &apos;gazette-reader[ocr]&apos;.</source>
        <translation>扫描页需要文字识别组件，但尚未安装：pip install &apos;gazette-reader[ocr]&apos;。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="25"/>
        <source>Nothing readable: no text was found on its pages (photos or blank pages?).</source>
        <translation>没有可识别的文字：页面上没有找到文字（照片或空白页？）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="27"/>
        <source>Cancelled: nothing was imported from this file.</source>
        <translation>已取消：此文件没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="28"/>
        <source>No table of contents and no document with a 发文字号 were found: not a gazette issue.</source>
        <translation>未找到目录，也未找到带发文字号的文件：这不是一期公报。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="29"/>
        <source>An old Word or WPS document (.doc, .wps), which cannot be read. Open it in Word or WPS and save it as DOCX or PDF.</source>
        <translation>这是旧版 Word 或 WPS 文档（.doc、.wps），无法读取。请用 Word 或 WPS 打开，另存为 DOCX 或 PDF 后再导入。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="31"/>
        <source>An electronic invoice, not a government document or gazette: nothing was imported.</source>
        <translation>这是电子发票，不是公文或公报：未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="33"/>
        <source>No document body found in this web page. Save the complete page (Web page, complete) and import again.</source>
        <translation>这个网页里没有找到文件正文。请保存网页的全部内容（网页，全部）后重新导入。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="35"/>
        <source>The archive already holds this issue from another file. Replace it?</source>
        <translation>档案中已有来自另一个文件的同一期公报。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="36"/>
        <source>Not in the archive.</source>
        <translation>不在档案中。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="37"/>
        <source>A newer Gazette Reader wrote this data folder. Update the program, or choose another data folder.</source>
        <translation>此数据文件夹由更新版本的公报阅读器写入。请升级程序，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="39"/>
        <source>The file or the data folder cannot be written. Check the disk and its permissions.</source>
        <translation>无法写入文件或数据文件夹。请检查磁盘空间和权限。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="40"/>
        <source>Another window or command is rebuilding the search index. Search again in a moment.</source>
        <translation>另一个窗口或命令正在重建搜索索引，请稍后再搜索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="42"/>
        <source>This archive is an office pack and is read-only. Open your own data folder to import files.</source>
        <translation>这是只读的办公资料包。请打开您自己的数据文件夹再导入文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="45"/>
        <source>The file cannot be imported.</source>
        <translation>无法导入该文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="51"/>
        <source>already in the archive</source>
        <translation>已在档案中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="53"/>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="54"/>
        <source>replaced</source>
        <translation>已替换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="55"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="63"/>
        <source>The archive already holds {0} from another file ({1}). Replace it?</source>
        <translation>档案中已有{0}（文件 {1}）。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="70"/>
        <source>{0}: {1} — {2} documents</source>
        <translation>{0}: {1} — {2} 篇文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="81"/>
        <source>{0} scanned pages were recognised by OCR (mean confidence {1:.0%}): check names and numbers against the original pages.</source>
        <translation>{0} 页扫描页由文字识别（OCR）读出（平均置信度 {1:.0%}）：人名和数字请对照原始页面核对。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="84"/>
        <source>The printed table of contents lists a document that was not found in the issue: {0}</source>
        <translation>目录所列文件未在正文中找到：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="87"/>
        <source>A document is not listed in the printed table of contents: {0}</source>
        <translation>文件未列入目录：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="89"/>
        <source>The PDF was damaged and has been repaired: check that no page is missing.</source>
        <translation>PDF 已损坏并已修复：请检查是否缺页。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="91"/>
        <source>No year and issue number was found on the cover: imported as an untitled issue.</source>
        <translation>封面上未找到年份和期号：已作为无标题期次导入。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="93"/>
        <source>No gazette name was found on the cover: the file name stands for it.</source>
        <translation>封面上未找到公报名称：以文件名代替。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="95"/>
        <source>The original pages of the replaced PDF are kept: the page view still shows them.</source>
        <translation>被替换的 PDF 的原始页面已保留，原始页面视图仍可查看。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="97"/>
        <source>Text before the first document found belongs to no listed document: it is kept as an untitled document (first in the issue) and can be searched.</source>
        <translation>第一篇识别出的文件之前的正文不属于目录所列任何文件：已作为一篇无标题文件（本期第一篇）保存，可以检索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="105"/>
        <source>(untitled text)</source>
        <translation>（无标题正文）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="116"/>
        <source>A quote mark was left open: searched for the words without it.</source>
        <translation>引号未配对：已按不带引号的词语搜索。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="118"/>
        <source>Nothing follows {0}: that filter was ignored.</source>
        <translation>{0} 后面没有内容：已忽略该筛选条件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="120"/>
        <source>{0}: is not a search field: searched for the words after it.</source>
        <translation>“{0}:” 不是可用的搜索字段：已搜索其后的词语。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="122"/>
        <source>{0} is not a status (use valid, abolished, invalid, expired, pending, amended or unstated): that filter was ignored.</source>
        <translation>“{0}” 不是效力状态（可用：有效、废止、失效、过期、未施行、修改、未注明）：已忽略该筛选条件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="125"/>
        <source>{0} is not a year or a range such as 2019-2023: that filter was ignored.</source>
        <translation>“{0}” 不是年份或年份范围（如 2019-2023）：已忽略该筛选条件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="133"/>
        <source>In force</source>
        <translation>现行有效</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="133"/>
        <source>Amended</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="133"/>
        <source>Not yet in force</source>
        <translation>尚未施行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="134"/>
        <source>Expired</source>
        <translation>已过有效期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="134"/>
        <source>Abolished</source>
        <translation>已废止</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="134"/>
        <source>Declared invalid</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="135"/>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="141"/>
        <source> ({0})</source>
        <translation>（{0}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="152"/>
        <source>Abolished by: </source>
        <translation>废止：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="153"/>
        <source>Declared invalid by: </source>
        <translation>宣布失效：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="154"/>
        <source>Suspended by: </source>
        <translation>停止执行：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="155"/>
        <source>Amended by: </source>
        <translation>修改：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="162"/>
        <source>No date of effect or period of validity found</source>
        <translation>未见施行日期和有效期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="163"/>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="164"/>
        <source>In effect from: {0} · valid until: {1}</source>
        <translation>施行：{0} · 有效期至：{1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="170"/>
        <source>the decision lists the title 《{0}》, which differs from this document&apos;s</source>
        <translation>决定所列标题《{0}》与本文件不一致</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="176"/>
        <source>p. {0} ({1})</source>
        <translation>第{0}页 ({1})</translation>
    </message>
    <message>
        <location filename="../../reader/ui/messages.py" line="181"/>
        <source>p. {0}</source>
        <translation>第{0}页</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../reader/ui/note_dialog.py" line="15"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/note_dialog.py" line="25"/>
        <source>Ctrl+Enter saves, Esc cancels</source>
        <translation>Ctrl+Enter 保存，Esc 取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/note_dialog.py" line="29"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/note_dialog.py" line="30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="136"/>
        <source>Bookmark removed (Ctrl+Z to undo)</source>
        <translation>已删除书签（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="84"/>
        <source>Bookmarked</source>
        <translation>已加书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="75"/>
        <source>Another window on this data folder changed this bookmark already</source>
        <translation>另一个窗口已更改了这个书签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="91"/>
        <source>Select a passage of the document first</source>
        <translation>请先选中文件中的一段文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="104"/>
        <source>Highlighted (Ctrl+Z to undo)</source>
        <translation>已高亮（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="110"/>
        <source>「{0}」
Note on this passage:</source>
        <translation>「{0}」
对这段文字的批注：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="122"/>
        <source>Note saved (Ctrl+Z to undo)</source>
        <translation>批注已保存（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="129"/>
        <source>Highlight removed (Ctrl+Z to undo)</source>
        <translation>已删除高亮（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="151"/>
        <source>Highlight moved (Ctrl+Z to undo)</source>
        <translation>高亮已移动（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="151"/>
        <source>Place confirmed</source>
        <translation>位置已确认</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="159"/>
        <source>Choose the highlight in the Annotations panel and select the right words in its document</source>
        <translation>先在批注面板中选中这条高亮，再在它的文件中选中正确的文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="187"/>
        <source>The bookmarked document {0} is no longer in the archive: its issue was replaced or deleted. Import the issue again, or remove the bookmark.</source>
        <translation>书签所在的文件{0}已不在档案中：它所在的一期已被替换或删除。请重新导入该期，或删除这个书签。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_controller.py" line="213"/>
        <source>Backup of your notes failed: {0}</source>
        <translation>笔记备份失败：{0}</translation>
    </message>
</context>
<context>
    <name>NotesExport</name>
    <message>
        <location filename="../../reader/ui/notes_export.py" line="19"/>
        <source>Markdown, to read or print (*.md)</source>
        <translation>Markdown 文本，便于阅读和打印 (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_export.py" line="20"/>
        <source>CSV, for a spreadsheet (*.csv)</source>
        <translation>CSV 表格，可用电子表格打开 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_export.py" line="21"/>
        <source>JSON, complete: can be imported again (*.json)</source>
        <translation>JSON 完整数据，可再次导入 (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_export.py" line="28"/>
        <source>my-notes.md</source>
        <translation>我的笔记.md</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_export.py" line="30"/>
        <location filename="../../reader/ui/notes_export.py" line="41"/>
        <source>Export notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_export.py" line="42"/>
        <source>{0} cannot be written ({1}). Choose another folder or file name.</source>
        <translation>无法写入 {0}（{1}）。请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/notes_export.py" line="47"/>
        <source>Notes exported to {0}</source>
        <translation>笔记已导出到 {0}</translation>
    </message>
</context>
<context>
    <name>PackUi</name>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="24"/>
        <source>Office pack {0} · built {1} · read-only</source>
        <translation>办公室档案包 {0} · {1} 生成 · 只读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="35"/>
        <source>Gazette Reader — office pack of {0}</source>
        <translation>公报阅读器 — {0} 的办公室档案包</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="44"/>
        <source>Since the pack of {0}:</source>
        <translation>自 {0} 的档案包以来：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="46"/>
        <source>{0} issues added</source>
        <translation>新增 {0} 期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="49"/>
        <source>{0} issues replaced by corrected files (your notes on them were re-attached)</source>
        <translation>{0} 期已由更正后的文件替换（其上的笔记已重新定位）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="52"/>
        <source>{0} issues removed</source>
        <translation>删除 {0} 期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="54"/>
        <source>{0} documents changed validity</source>
        <translation>{0} 件文件的效力有变化</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="64"/>
        <source>What is new in this pack</source>
        <translation>档案包的新内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="73"/>
        <location filename="../../reader/ui/pack_ui.py" line="77"/>
        <location filename="../../reader/ui/pack_ui.py" line="103"/>
        <source>Open archive pack</source>
        <translation>打开档案包</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pack_ui.py" line="78"/>
        <source>{0} holds no archive pack (no manifest.json). Choose the folder that `gazette-reader pack build` wrote.</source>
        <translation>{0} 中没有档案包（没有 manifest.json）。请选择 `gazette-reader pack build` 生成的文件夹。</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../reader/ui/page_view.py" line="59"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="60"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="63"/>
        <source>Page: a printed page number, or (n) for the n-th PDF page</source>
        <translation>页码：印刷页码，或 (n) 表示 PDF 的第 n 页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="70"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="71"/>
        <source>Fit page</source>
        <translation>适合整页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="75"/>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="144"/>
        <source>OFD pages cannot be shown (no OFD renderer); the text is in the reading pane.</source>
        <translation>无法显示 OFD 版面（缺少 OFD 绘制库），文字见阅读窗格。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="146"/>
        <source>A Word document has no fixed pages; the text is in the reading pane.</source>
        <translation>Word 文档没有固定版面，文字见阅读窗格。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="147"/>
        <source>No original pages: this issue was imported from a text export.</source>
        <translation>没有原始页面：本期是从文本导出文件导入的。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="225"/>
        <source>Document: pages {0}–{1}</source>
        <translation>本文件：第 {0}–{1} 页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view.py" line="226"/>
        <source>outside this document</source>
        <translation>不属于本文件</translation>
    </message>
</context>
<context>
    <name>PagesController</name>
    <message>
        <location filename="../../reader/ui/pages_controller.py" line="128"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>PagesDialog</name>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="55"/>
        <source>This document&apos;s pages ({0}–{1} of {2})</source>
        <translation>本文件所在页（第 {0}–{1} 页，共 {2} 页）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="56"/>
        <source>This document&apos;s pages</source>
        <translation>本文件所在页</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="58"/>
        <source>The whole issue ({0} pages)</source>
        <translation>整期（{0} 页）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="59"/>
        <source>Pages:</source>
        <translation>页码：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="62"/>
        <source>PDF pages, such as 4-6, 9</source>
        <translation>PDF 页序，例如 4-6, 9</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="65"/>
        <source>With highlights and search hits</source>
        <translation>带高亮和搜索命中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="91"/>
        <source>Type pages between 1 and {0}, such as 4-6, 9.</source>
        <translation>请输入 1 到 {0} 之间的页码，例如 4-6, 9。</translation>
    </message>
</context>
<context>
    <name>PagesPrint</name>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="113"/>
        <location filename="../../reader/ui/pages_print.py" line="118"/>
        <source>Export original pages as PDF</source>
        <translation>将原版页面导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/pages_print.py" line="160"/>
        <source>Print original pages</source>
        <translation>打印原版页面</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../reader/ui/palette.py" line="13"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/palette.py" line="14"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/palette.py" line="15"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/palette.py" line="16"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/palette.py" line="17"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="146"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="183"/>
        <source>Export decisions as CSV</source>
        <translation>将任免决定导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="190"/>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="192"/>
        <source>Saved {0} decisions to {1}</source>
        <translation>已将 {0} 项决定保存到 {1}</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="48"/>
        <source>Name, or part of a post</source>
        <translation>姓名，或职务的一部分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="49"/>
        <source>Find a person or a post</source>
        <translation>查找人员或职务</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="59"/>
        <location filename="../../reader/ui/people_panel.py" line="104"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="59"/>
        <location filename="../../reader/ui/people_panel.py" line="104"/>
        <source>Decision</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="59"/>
        <location filename="../../reader/ui/people_panel.py" line="103"/>
        <source>Post</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="59"/>
        <location filename="../../reader/ui/people_panel.py" line="104"/>
        <source>Document</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="62"/>
        <source>Decisions found</source>
        <translation>找到的任免决定</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="82"/>
        <source>appointed</source>
        <translation>任命</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="82"/>
        <source>removed</source>
        <translation>免去</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="82"/>
        <source>seconded</source>
        <translation>挂职</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="83"/>
        <source>nominated</source>
        <translation>提名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="83"/>
        <source>trial period</source>
        <translation>试用期</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="84"/>
        <source>trial period ended</source>
        <translation>试用期满</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="84"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="92"/>
        <source>Type a name, or part of a post.</source>
        <translation>输入姓名，或职务的一部分（如 自然资源局）。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="95"/>
        <source>No decisions on “{0}”.</source>
        <translation>没有关于“{0}”的任免决定。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="100"/>
        <source> (the first {0})</source>
        <translation>（显示前 {0} 项）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="101"/>
        <source>Decisions: {0} · posts: {1}</source>
        <translation>{1} 个职务的 {0} 项决定</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="101"/>
        <source>Decisions: {0} · names: {1}</source>
        <translation>{1} 个姓名的 {0} 项决定</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="107"/>
        <source>(no post)</source>
        <translation>（无职务）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="107"/>
        <source>(decisions: {0})</source>
        <translation>（{0} 项决定）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="103"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="52"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/people_panel.py" line="54"/>
        <source>Save these decisions as a spreadsheet (CSV, UTF-8)</source>
        <translation>将这些决定保存为电子表格（CSV，UTF-8）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../reader/ui/printing.py" line="54"/>
        <location filename="../../reader/ui/printing.py" line="63"/>
        <source>Highlights and notes</source>
        <translation>高亮和批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="64"/>
        <source>Include your highlights and notes?</source>
        <translation>要包含您的高亮和批注吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="77"/>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/printing.py" line="88"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../reader/ui/qt_strings.py" line="9"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/qt_strings.py" line="10"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../reader/ui/qt_strings.py" line="11"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/qt_strings.py" line="12"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="56"/>
        <source>Document text</source>
        <translation>文件正文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="94"/>
        <location filename="../../reader/ui/reader_view.py" line="204"/>
        <source>The archive does not hold {0}</source>
        <translation>档案中没有 {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/reader_view.py" line="205"/>
        <source>Open the cited document</source>
        <translation>打开所引用的文件</translation>
    </message>
</context>
<context>
    <name>RecentDocuments</name>
    <message>
        <location filename="../../reader/ui/recent.py" line="23"/>
        <source>Recent &amp;documents</source>
        <translation>最近阅读(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recent.py" line="55"/>
        <source>No document read yet</source>
        <translation>尚未阅读任何文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/recent.py" line="58"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../reader/ui/notes_panels.py" line="129"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../reader/ui/search_controller.py" line="120"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_controller.py" line="130"/>
        <source>1 document found in {0:.0f} ms</source>
        <translation>找到 1 篇文件，用时 {0:.0f} 毫秒</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_controller.py" line="131"/>
        <source>{0} documents found in {1:.0f} ms</source>
        <translation>找到 {0} 篇文件，用时 {1:.0f} 毫秒</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_controller.py" line="136"/>
        <source>Search failed: {0}</source>
        <translation>搜索失败：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_controller.py" line="142"/>
        <source>Search index ready: {0} documents</source>
        <translation>搜索索引已就绪：{0} 篇文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_controller.py" line="144"/>
        <source>Building the search index: {0} of {1} documents</source>
        <translation>正在建立搜索索引：{0}/{1} 篇文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_controller.py" line="154"/>
        <source>Hit {0} of {1} (F3 next, Shift+F3 previous)</source>
        <translation>第 {0}/{1} 处命中（F3 下一处，Shift+F3 上一处）</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="52"/>
        <source>{0} hits</source>
        <translation>{0} 处匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="54"/>
        <source>found by the 文号 its table of contents entry prints</source>
        <translation>按目录所列文号找到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="56"/>
        <source>cites this 文号</source>
        <translation>引用了该文号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="124"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="125"/>
        <source>My notes</source>
        <translation>我的笔记</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="126"/>
        <source>Search in</source>
        <translation>搜索范围</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="129"/>
        <source>Relevance</source>
        <translation>按相关度</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="130"/>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="131"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="131"/>
        <source>Gazette</source>
        <translation>公报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="132"/>
        <source>Section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="132"/>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="138"/>
        <source>In force only</source>
        <translation>仅现行有效</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="140"/>
        <source>Hide documents abolished, declared invalid, expired or not yet in force (documents that state nothing stay)</source>
        <translation>隐藏已废止、已失效、已过有效期和尚未施行的文件（未注明效力的文件仍然显示）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="147"/>
        <source>Close the results (Esc in the search box)</source>
        <translation>关闭搜索结果（在搜索框中按 Esc）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="149"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="155"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="199"/>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="200"/>
        <source>All gazettes</source>
        <translation>全部公报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="201"/>
        <source>All sections</source>
        <translation>全部栏目</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="203"/>
        <source>{0} documents found</source>
        <translation>找到 {0} 篇文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="203"/>
        <source>1 document found</source>
        <translation>找到 1 篇文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="207"/>
        <source>No document matches the query with these filters.</source>
        <translation>在当前筛选条件下没有符合的文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="209"/>
        <source>showing {0}</source>
        <translation>显示前 {0} 篇</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="211"/>
        <source>Note: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="247"/>
        <source>{0} of your notes match</source>
        <translation>有 {0} 条笔记符合</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../reader/ui/single_instance.py" line="140"/>
        <source>Another window is open on this data folder: notes changed there show here when you come back to this window.</source>
        <translation>另一个窗口也打开了这个数据文件夹：在那里更改的笔记，回到本窗口时会在这里显示。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../reader/ui/welcome.py" line="27"/>
        <source>Welcome to Gazette Reader</source>
        <translation>欢迎使用公报阅读器</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="60"/>
        <source>Your archive is empty. Import gazette issues (PDF or text exports) to read and search them offline, or load the sample gazette to try the reader.</source>
        <translation>档案库还是空的。导入政府公报（PDF 或文本导出文件）即可离线阅读和搜索，也可以先载入示例公报试用。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="37"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="31"/>
        <source>Recently read</source>
        <translation>最近阅读</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="34"/>
        <source>Recently read documents</source>
        <translation>最近阅读的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="38"/>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="39"/>
        <source>Load the sample gazette</source>
        <translation>载入示例公报</translation>
    </message>
    <message>
        <location filename="../../reader/ui/welcome.py" line="63"/>
        <source>Open a document from the tree on the left, search with Ctrl+K, or go on with one you read recently.</source>
        <translation>从左侧目录树打开文件，按 Ctrl+K 搜索，或继续阅读最近读过的文件。</translation>
    </message>
</context>
</TS>
