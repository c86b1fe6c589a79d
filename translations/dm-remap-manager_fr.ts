<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DeviceModel</name>
    <message>
        <source>This disk is not present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, health: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The disk helper service did not answer in time. It may be busy or may have stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) is not running, so disks cannot be shown or changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission was refused. You need to enter an administrator password when asked to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper did not accept the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installed disk helper is a different version and does not understand this request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request took too long and was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is in use (mounted, swap, or part of another device). Stop using it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The main disk and the spare must be two different disks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spare disk is too small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pair with this name already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more pairs can be created on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk changed while the request was running. Nothing was done; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk or pair is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device is busy, for example still mounted. Unmount it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This disk does not support that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Details: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk helper reported an error (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk helper reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>SMART data has not been read yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This disk does not report its health (no SMART data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This disk does not report its health: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk itself reports that it is failing. Copy your data to another disk now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reports a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk&apos;s own health check gave no clear answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sector(s) have already been replaced by the disk.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sector(s) could not be read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The NVMe drive raised a critical warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive has used %1% of its rated life.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive&apos;s own spare area is used up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is hot (%1 °C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reports no problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spare disk is full: new bad blocks can no longer be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of replaced blocks could not be saved on the spare disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the two disks is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spare disk is almost full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pair&apos;s state is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bad block(s) on the main disk have been moved to the spare.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) could not be read and will be moved when next written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Main disk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare disk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both disks are working and no block has needed replacing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working normally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare almost full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the remap table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A disk is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVMe SSD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>There is no connection to the system message bus, so the disk helper cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the disk helper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading disk information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading SMART data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the pair&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading SMART attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the self-test log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading SMART data again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a self-test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the self-test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the remap map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing remapped blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the pair</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk Remap Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disks and pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SMART</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remap &amp;map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry connecting to the disk helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pair disks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect a disk with a spare disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Disk Remap Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Disk Remap Manager&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Watches your disks and keeps data on ageing disks readable by moving failing blocks to a spare disk.&lt;/p&gt;&lt;p&gt;Helper: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the pair “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device %1 disappears, so stop using it first (unmount it). Nothing is erased: the spare keeps its list of moved blocks, and the pair can be assembled again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Choose a pair to see where its bad blocks are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Whole disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected cell in more detail (also: double-click, mouse wheel, +)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a larger part of the disk (also: mouse wheel, -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector on the main disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to spare sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remapped blocks in the chosen cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cell to list the blocks moved from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Few blocks moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Many blocks moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable, waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) moved from sectors %1 to %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sectors %1 to %2 · %3 per cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n new bad block(s) on the main disk were moved to the spare.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) could not be read; they will be moved when written again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In total %n block(s) have been moved. Your data is safe, but the main disk is wearing out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Bad blocks on pair “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spare disk of pair “%1” is almost full (%2 of %3 blocks used). Replace the main disk soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spare disk of pair “%1” is full. New bad blocks can no longer be replaced: copy your data and replace the main disk now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 reports that it is failing. Copy your data to another disk now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk %1 reports a problem with its health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk health: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>&amp;Don&apos;t show notifications about this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove pair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMART verdict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Powered on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors replaced by the disk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable sectors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare space used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks moved to the spare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable blocks waiting:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read errors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write errors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main disk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare disk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a disk or a pair on the left to see its health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 spare blocks used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, connected by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main disk of a pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare disk of a pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SMART data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairRules</name>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already the main disk of a pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already the spare of a pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the main disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too small: %1 cannot hold the remap table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its sectors are larger than the chosen block size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairWizard</name>
    <message>
        <source>Pair two disks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the main disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The main disk keeps your data. Choose the disk that is ageing or that you want to protect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a block of the main disk can no longer be written, it is moved to the spare disk, and your data stays readable. Disks that cannot be chosen show why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the spare disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spare receives the blocks that fail on the main disk. Everything on it will be erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spare disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pair appears as a new disk under /dev/mapper with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, dot, dash and underscore; starts with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit moved to the spare when a sector fails. 4 KiB suits almost every disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your choice. You will be asked for an administrator password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm erasing the spare disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pair “%1” is ready. Use %2 instead of the main disk from now on: for example, create a file system on it or move your partition there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pair could not be created. %1

Nothing was changed on the disks. Go back to change your choice, or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>room for %n bad block(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A spare of a few gigabytes is plenty: each gigabyte holds about 260,000 bad blocks of 4 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Main disk (keeps its data): &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Spare disk: &lt;b&gt;%2&lt;/b&gt;, room for %3 bad blocks&lt;/p&gt;&lt;p&gt;New device: &lt;b&gt;/dev/mapper/%4&lt;/b&gt;, block size %5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything on %1 will be erased.&lt;/b&gt; Files, partitions and file systems on the spare disk will be lost and cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand that all data on %1 will be &amp;erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the pair… If a password dialog appears, enter an administrator password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemapMapWidget</name>
    <message>
        <source>Remap map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The main disk from start to end. Red cells hold blocks moved to the spare, orange cells hold blocks that could not be read. Arrow keys move, Enter lists the blocks of a cell, plus and minus zoom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) moved to the spare</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable block(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfTestModel</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At power-on hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First bad sector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmartAttributeModel</name>
    <message>
        <source>Rate of errors while reading. Its meaning differs between makers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the platters need to spin up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the disk has been started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors the disk has replaced with its own spares. Any rise means the surface is wearing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors while positioning the heads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours the disk has been switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries needed to spin up. A rise points to a mechanical problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the disk has been switched on and off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wear of the flash cells (SSD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers that fell back to a slower speed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data corrupted between the disk&apos;s cache and the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors the disk could not correct. Any value above zero is a bad sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands that timed out inside the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature of the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency head retracts after a power loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head load and unload cycles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the disk has tried to replace a sector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors that could not be read and wait to be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors found unreadable by the disk&apos;s own scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer errors on the cable. Usually a loose or bad cable, not the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining life of an SSD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wear indicator of the flash cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total data written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total data read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it means</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmartPage</name>
    <message>
        <source>Read &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;short test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;extended test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NVMe health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMART summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the disk for its SMART data now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quick check of the disk&apos;s electronics and a sample of its surface (about 2 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the whole surface; can take hours. The disk stays usable meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-test progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-test running: %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMART attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-test log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a disk to see its SMART data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading SMART data of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gives no SMART data. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the disk&apos;s own verdict is &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical warning: %1
Media errors: %2
Life used: %3%
Spare area left: %4% (warning below %5%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (code 0x%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Disk health: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Disk Remap Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shows the health of your disks and manages dm-remap pairs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start minimized to the system tray.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
