// The machine's Secure Boot and lockdown state as Manager1.GetSystemStatus
// reports it, from the exact bytes the kernel and firmware give.
#include "systemstatus.h"

#include <QFile>
#include <QTest>

class TestSystemStatus : public QObject
{
    Q_OBJECT
private slots:
    void secureBootVariable()
    {
        // efivarfs: 4 bytes of attributes (NV, BS, RT = 0x06), then the state.
        QCOMPARE(SystemStatus::secureBootFromVariable(QByteArray("\x06\x00\x00\x00\x01", 5)), QStringLiteral("on"));
        QCOMPARE(SystemStatus::secureBootFromVariable(QByteArray("\x06\x00\x00\x00\x00", 5)), QStringLiteral("off"));
        QCOMPARE(SystemStatus::secureBootFromVariable(QByteArray()), QStringLiteral("unknown"));
        QCOMPARE(SystemStatus::secureBootFromVariable(QByteArray("\x06\x00\x00\x00", 4)), QStringLiteral("unknown"));
        QCOMPARE(SystemStatus::secureBootFromVariable(QByteArray("\x06\x00\x00\x00\x01\x00", 6)), QStringLiteral("unknown"));
    }

    void lockdownText()
    {
        QCOMPARE(SystemStatus::lockdownFromText("[none] integrity confidentiality\n"), QStringLiteral("none"));
        QCOMPARE(SystemStatus::lockdownFromText("none [integrity] confidentiality\n"), QStringLiteral("integrity"));
        QCOMPARE(SystemStatus::lockdownFromText("none integrity [confidentiality]\n"), QStringLiteral("confidentiality"));
        QCOMPARE(SystemStatus::lockdownFromText(""), QString());
        QCOMPARE(SystemStatus::lockdownFromText("[bogus] integrity"), QString());
    }

    void thisMachine()
    {
        QFile release(QStringLiteral("/proc/sys/kernel/osrelease"));
        QVERIFY(release.open(QIODevice::ReadOnly));
        QCOMPARE(SystemStatus::kernelRelease(), QString::fromLatin1(release.readAll().trimmed()));
        QVERIFY(QStringList({QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("unknown")})
                        .contains(SystemStatus::secureBoot()));
    }
};

QTEST_GUILESS_MAIN(TestSystemStatus)
#include "tst_systemstatus.moc"
